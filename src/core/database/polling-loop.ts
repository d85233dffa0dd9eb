/**
 * The loop of a relay that moves committed rows somewhere else (the outbox into BullMQ, webhook
 * deliveries into their queue): a pass every `pollMs`, and sooner after a commit asks for one
 * (`kick`). Passes never overlap within a process; kicks within `kickDelayMs` share one pass, and a
 * kick during a pass makes another follow it at once, so a commit is never left for the next poll.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private kicked = false;
  private stoppedFlag = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly timing: { kickDelayMs: number; pollMs: () => number },
  ) {}

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  start(): void {
    this.schedule(0);
  }

  /** Waits for the pass under way, if any; no pass starts after this. */
  async stop(): Promise<void> {
    this.stoppedFlag = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** A pass soon (after a commit that wrote rows for it). */
  kick(): void {
    if (this.stoppedFlag) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.kicked) return;
    this.kicked = true;
    this.schedule(this.timing.kickDelayMs);
  }

  private schedule(delayMs: number): void {
    if (this.stoppedFlag) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.kicked = false;
      this.running = this.pass().finally(() => {
        this.running = undefined;
        const next = this.again ? this.timing.kickDelayMs : this.timing.pollMs();
        this.again = false;
        this.schedule(next);
      });
    }, delayMs);
  }
}
