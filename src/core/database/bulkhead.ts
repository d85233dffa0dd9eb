/** A caller waited longer than the bulkhead allows for a free place. */
export class BulkheadTimeoutError extends Error {
  constructor(bulkhead: string, waitedMs: number) {
    super(`no free place in ${bulkhead} within ${waitedMs} ms`);
    this.name = 'BulkheadTimeoutError';
  }
}

/**
 * At most `limit` units of work of one kind run at once in this process; the others wait in line
 * (first come, first served) for at most `maxWaitMs`. Work that holds a pooled database connection
 * while it waits for a lock (a burst of bookings of one room) can then take only part of the pool,
 * and every other route still finds a free connection.
 */
export class Bulkhead {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly name: string,
    readonly limit: number,
    private readonly maxWaitMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`bulkhead ${name}: limit must be a whole number >= 1`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Units of work running now, and waiting. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.queue.length };
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.queue.indexOf(grant);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new BulkheadTimeoutError(this.name, this.maxWaitMs));
      }, this.maxWaitMs);
      timer.unref();
      this.queue.push(grant);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    // The place passes straight to the next in line, so `active` stays as it is.
    if (next) next();
    else this.active--;
  }
}
