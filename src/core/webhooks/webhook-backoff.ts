/**
 * When the next attempt is due after `attemptsMade` failed ones: base × 4^(n−1), capped, with
 * ±20 % jitter so receivers that came back are not hit by every retry at once. With a one-minute
 * base: 1 m, 4 m, 16 m, ~1 h, ~4 h, ~17 h, 24 h — eight attempts over about two days.
 */
export function retryDelayMs(attemptsMade: number, policy: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const plain = Math.min(policy.maxMs, policy.baseMs * 4 ** Math.max(0, attemptsMade - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
}
