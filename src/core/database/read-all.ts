import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads through `manager`: one after the other when the manager is bound to one
 * connection (a transaction's manager: pg runs one query at a time per connection, warns about a
 * second one sent meanwhile, and pg 9 refuses it), side by side otherwise (each read then takes its
 * own pooled connection). Use it instead of Promise.all whenever the manager may be a transaction's.
 */
export async function readAll<T extends readonly unknown[]>(manager: EntityManager, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const thunks = reads as unknown as ReadonlyArray<() => Promise<unknown>>;
  if (!manager.queryRunner) return (await Promise.all(thunks.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of thunks) results.push(await read());
  return results as unknown as T;
}
