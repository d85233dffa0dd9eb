import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InstanceError, scheduleAsync, type Instance, type ScheduleOptions, type ScheduleProgress, type ScheduleResult } from './scheduler';
import type { EngineThreadMessage } from './scheduler/thread';

const THREAD = join(__dirname, 'scheduler', 'thread.js');

/**
 * Runs the pure engine in a worker thread when the compiled thread file is there (production),
 * so progress flows while it searches; in-line otherwise (tests run the TypeScript sources). Both
 * run scheduleAsync, the same engine and LP step as the CLI (`npm run schedule`).
 */
export function runEngine(instance: Instance, options: Omit<ScheduleOptions, 'onProgress'>, onProgress: (p: ScheduleProgress) => void): Promise<ScheduleResult> {
  if (!existsSync(THREAD)) {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        scheduleAsync(instance, { ...options, onProgress }).then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
      });
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD, { workerData: { instance, options } });
    let settled = false;
    worker.on('message', (message: EngineThreadMessage) => {
      switch (message.type) {
        case 'progress':
          onProgress(message.progress);
          return;
        case 'result':
          settled = true;
          resolve(message.result);
          return;
        case 'error':
          settled = true;
          reject(message.name === 'InstanceError' ? new InstanceError(message.message) : new Error(message.message));
          return;
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the scheduler thread stopped with code ${code}`));
    });
  });
}
