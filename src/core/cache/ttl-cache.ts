/**
 * A small per-process cache whose entries are reused for a fixed time, then read again. For hot
 * reads that may lag another instance's change by at most the TTL; the process that makes the
 * change calls forget() so it never serves the old value itself. Values may be null (an unknown
 * key is remembered as such); a load that fails caches nothing.
 *
 * One load per key at a time: callers that miss while a load runs wait for it. Without that, every
 * request in flight when an entry expires read it again — on the registration hot path, each TTL
 * ended in a burst of ~16 identical edition reads and the p99 with it (docs/benchmarks.md, Session 10).
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private readonly loading = new Map<K, Promise<V>>();

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

  /** The entry while it is fresh, else what load() gives (remembered for the TTL), or the load already running. */
  getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return Promise.resolve(entry.value);
    const running = this.loading.get(key);
    if (running) return running;
    const loaded: Promise<V> = Promise.resolve()
      .then(() => load())
      .then(
        (value) => {
          // A load that forget() overtook may have read the old value: its callers get it, the cache does not keep it.
          if (this.loading.get(key) !== loaded) return value;
          this.loading.delete(key);
          if (this.entries.size > this.maxEntries) this.entries.clear();
          this.entries.set(key, { value, until: this.now() + this.ttlMs });
          return value;
        },
        (error: unknown) => {
          if (this.loading.get(key) === loaded) this.loading.delete(key);
          throw error;
        },
      );
    this.loading.set(key, loaded);
    return loaded;
  }

  /** Drops the key's entry and any load of it already running: the next read loads it again. */
  forget(key: K): void {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
