import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a pass at start, then every pollMs; kicks within kickDelayMs share one pass', async () => {
    let passes = 0;
    const loop = new PollingLoop(() => Promise.resolve(void passes++), { kickDelayMs: 50, pollMs: () => 1000 });
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(passes).toBe(1);
    loop.kick();
    loop.kick();
    loop.kick();
    await jest.advanceTimersByTimeAsync(50);
    expect(passes).toBe(2);
    await jest.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(3);
    await loop.stop();
  });

  it('a kick during a pass makes another pass follow it, never two at once', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = new PollingLoop(
      () =>
        new Promise<void>((resolve) => {
          running++;
          most = Math.max(most, running);
          passes++;
          release = () => {
            running--;
            resolve();
          };
        }),
      { kickDelayMs: 10, pollMs: () => 60_000 },
    );
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    loop.kick(); // during the first pass
    release();
    await jest.advanceTimersByTimeAsync(10);
    expect(passes).toBe(2);
    expect(most).toBe(1);
    release();
    await loop.stop();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(passes).toBe(2); // nothing after stop
  });
});
