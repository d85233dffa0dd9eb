/** A small seeded PRNG (xorshift32) whose whole state is one integer, so a search step can be replayed. */
export class Rng {
  state: number;

  constructor(seed: number) {
    // mix the seed so that 0, 1, 2 ... give unrelated streams; the state must never be 0
    let s = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
    s ^= s >>> 13;
    this.state = s >>> 0 || 0x6d2b79f5;
  }

  nextU32(): number {
    let s = this.state;
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    this.state = s;
    return s;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? 0 : Math.floor(this.next() * n);
  }
}
