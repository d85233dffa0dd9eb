import { retryDelayMs } from './webhook-backoff';

describe('webhook retry backoff', () => {
  const policy = { baseMs: 60_000, maxMs: 24 * 3600_000 };

  it('grows fourfold from a minute, capped at 24 hours (without jitter: random 0.5)', () => {
    const plain = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, policy, () => 0.5));
    expect(plain).toEqual([60_000, 240_000, 960_000, 3_840_000, 15_360_000, 61_440_000, 86_400_000]);
  });

  it('jitters within ±20 %', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, policy, () => 1)).toBe(72_000);
  });
});
