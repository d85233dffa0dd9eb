/**
 * A small per-process cache whose entries are reused for a fixed time, then read again. For hot
 * reads that may lag another instance's change by at most the TTL; the process that makes the
 * change calls forget() so it never serves the old value itself. Values may be null (an unknown
 * key is remembered as such); a load that fails caches nothing.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  /**
   * @param ttlMs how long an entry is reused after it was loaded
   * @param maxEntries above this many entries the cache starts over, so unknown keys cannot grow it forever
   * @param now the clock (tests pass their own)
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** The entry while it is fresh, else what load() gives (remembered for the TTL). */
  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.value;
    const value = await load();
    if (this.entries.size > this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    return value;
  }

  /** Drops the key's entry: the next read loads it again. */
  forget(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
