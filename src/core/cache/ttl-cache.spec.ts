import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let clock: number;
  const now = (): number => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('reuses a loaded value until the TTL has passed, then loads again', async () => {
    const cache = new TtlCache<string, number>(2000, undefined, now);
    const load = jest.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    await expect(cache.getOrLoad('a', load)).resolves.toBe(1);
    clock += 1999;
    await expect(cache.getOrLoad('a', load)).resolves.toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    clock += 1;
    await expect(cache.getOrLoad('a', load)).resolves.toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart', async () => {
    const cache = new TtlCache<string, string>(2000, undefined, now);
    await cache.getOrLoad('a', () => Promise.resolve('A'));
    await expect(cache.getOrLoad('b', () => Promise.resolve('B'))).resolves.toBe('B');
    await expect(cache.getOrLoad('a', () => Promise.resolve('other'))).resolves.toBe('A');
  });

  it('remembers null (an unknown key) like any value', async () => {
    const cache = new TtlCache<string, string | null>(2000, undefined, now);
    const load = jest.fn().mockResolvedValue(null);
    await cache.getOrLoad('missing', load);
    await expect(cache.getOrLoad('missing', load)).resolves.toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forget() makes the next read load again at once', async () => {
    const cache = new TtlCache<string, number>(60_000, undefined, now);
    await cache.getOrLoad('a', () => Promise.resolve(1));
    cache.forget('a');
    await expect(cache.getOrLoad('a', () => Promise.resolve(2))).resolves.toBe(2);
    cache.forget('never-cached'); // no error
  });

  it('caches nothing when the load fails', async () => {
    const cache = new TtlCache<string, number>(2000, undefined, now);
    await expect(cache.getOrLoad('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(cache.size).toBe(0);
    await expect(cache.getOrLoad('a', () => Promise.resolve(3))).resolves.toBe(3);
  });

  it('starts over above maxEntries, so unknown keys cannot grow it forever', async () => {
    const cache = new TtlCache<number, number>(60_000, 3, now);
    for (let i = 0; i < 4; i++) await cache.getOrLoad(i, () => Promise.resolve(i));
    expect(cache.size).toBe(4);
    await cache.getOrLoad(4, () => Promise.resolve(4));
    expect(cache.size).toBe(1);
    const load = jest.fn().mockResolvedValue(0);
    await cache.getOrLoad(0, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs one load per key at a time: callers that miss while it runs share it', async () => {
    const cache = new TtlCache<string, number>(2000, undefined, now);
    let finish!: (value: number) => void;
    const load = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const waiting = Array.from({ length: 16 }, () => cache.getOrLoad('a', load));
    await Promise.resolve(); // the load starts on the next microtask
    expect(load).toHaveBeenCalledTimes(1);
    finish(5);
    await expect(Promise.all(waiting)).resolves.toEqual(Array(16).fill(5));
    await expect(cache.getOrLoad('b', () => Promise.resolve(6))).resolves.toBe(6); // other keys are not held up
    // Expired: again one load for all who miss together.
    clock += 2000;
    const again = jest.fn().mockResolvedValue(7);
    await expect(Promise.all([cache.getOrLoad('a', again), cache.getOrLoad('a', again)])).resolves.toEqual([7, 7]);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('forget() during a load: later callers load again, and the overtaken value is not kept', async () => {
    const cache = new TtlCache<string, string>(60_000, undefined, now);
    let finishOld!: (value: string) => void;
    const before = cache.getOrLoad('a', () => new Promise<string>((resolve) => (finishOld = resolve)));
    await Promise.resolve();
    cache.forget('a'); // the edition changed while the old read was under way
    const after = cache.getOrLoad('a', () => Promise.resolve('new'));
    finishOld('old');
    await expect(before).resolves.toBe('old'); // its caller asked before the change
    await expect(after).resolves.toBe('new');
    await expect(cache.getOrLoad('a', () => Promise.resolve('unused'))).resolves.toBe('new');
  });

  it('a failed load fails everyone waiting on it, and the next read tries again', async () => {
    const cache = new TtlCache<string, number>(2000, undefined, now);
    let fail!: (error: Error) => void;
    const load = jest.fn(() => new Promise<number>((_, reject) => (fail = reject)));
    const waiting = [cache.getOrLoad('a', load), cache.getOrLoad('a', load)];
    await Promise.resolve();
    fail(new Error('db down'));
    for (const w of waiting) await expect(w).rejects.toThrow('db down');
    expect(load).toHaveBeenCalledTimes(1);
    await expect(cache.getOrLoad('a', () => Promise.resolve(3))).resolves.toBe(3);
  });

  it('a load that throws at once is a failed load, not a thrown call', async () => {
    const cache = new TtlCache<string, number>(2000, undefined, now);
    const throwing = (): Promise<number> => {
      throw new Error('bad key');
    };
    await expect(cache.getOrLoad('a', throwing)).rejects.toThrow('bad key');
    await expect(cache.getOrLoad('a', () => Promise.resolve(1))).resolves.toBe(1);
  });

  it('uses Date.now by default', async () => {
    const cache = new TtlCache<string, number>(2000);
    const load = jest.fn().mockResolvedValue(7);
    await cache.getOrLoad('a', load);
    await cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
