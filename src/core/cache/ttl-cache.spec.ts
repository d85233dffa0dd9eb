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

  it('uses Date.now by default', async () => {
    const cache = new TtlCache<string, number>(2000);
    const load = jest.fn().mockResolvedValue(7);
    await cache.getOrLoad('a', load);
    await cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
