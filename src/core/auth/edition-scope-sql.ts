import type { DataSource } from 'typeorm';
import type { EditionScopeResolver } from './edition-scopes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A resolver from one query `SELECT <edition id> … WHERE id = $1` answering one row: what an area
 * registers for a kind of thing keyed by uuid. A value that is not a uuid names nothing.
 */
export function editionOfRowById(dataSource: DataSource, sql: string): EditionScopeResolver {
  return async (id) => {
    if (!UUID.test(id)) return undefined;
    const rows: Array<{ editionId: string | null }> = await dataSource.query(sql, [id]);
    return rows.length === 0 ? undefined : rows[0].editionId;
  };
}
