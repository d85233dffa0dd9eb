import { Bulkhead, BulkheadTimeoutError } from './bulkhead';

describe('Bulkhead', () => {
  const gate = (): { promise: Promise<void>; open: () => void } => {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    return { promise, open };
  };

  it('runs at most `limit` at once and hands places on in arrival order', async () => {
    const b = new Bulkhead('test', 2, 10_000);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) => b.run(async () => { started.push(i); await g.promise; return i; }));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(b.load).toEqual({ active: 2, waiting: 2 });
    gates[1].open();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    gates[3].open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(b.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the place when the work fails, and refuses a caller that waited too long', async () => {
    const b = new Bulkhead('test', 1, 20);
    await expect(b.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const g = gate();
    const holder = b.run(() => g.promise);
    await expect(b.run(() => Promise.resolve('late'))).rejects.toBeInstanceOf(BulkheadTimeoutError);
    expect(b.load).toEqual({ active: 1, waiting: 0 });
    g.open();
    await holder;
    await expect(b.run(() => Promise.resolve('now'))).resolves.toBe('now');
  });
});
