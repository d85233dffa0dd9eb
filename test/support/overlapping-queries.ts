import { Client } from 'pg';

/**
 * Records every `client.query()` issued while the same client is still running (or has queued)
 * another query — what pg 8 warns about once ("client.query() when the client is already executing
 * a query") and pg 9 refuses. The usual cause is `Promise.all` over one transaction's manager.
 * The app under test loads the same `pg` module (one Jest module registry per test file), so
 * patching the prototype sees its queries. Each record is the stack of the overlapping call.
 */
export function detectOverlappingQueries(): { overlaps: string[]; restore(): void } {
  const overlaps: string[] = [];
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]): unknown {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
      const sql = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string } | undefined)?.text ?? '');
      overlaps.push(`${sql.replace(/\s+/g, ' ').slice(0, 120)}\n${new Error('overlapping query').stack ?? ''}`);
    }
    return original.apply(this, args);
  };
  return {
    overlaps,
    restore: () => {
      proto.query = original;
    },
  };
}
