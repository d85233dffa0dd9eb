import { parentPort, workerData } from 'node:worker_threads';
import { scheduleAsync } from './engine';
import type { Instance, ScheduleOptions, ScheduleProgress, ScheduleResult } from './types';

/** Messages from the engine's thread to the process that started it. */
export type EngineThreadMessage = { type: 'progress'; progress: ScheduleProgress } | { type: 'result'; result: ScheduleResult } | { type: 'error'; message: string; name: string };

// Runs one engine solve off the main thread, so the worker's event loop keeps renewing job locks
// and writing progress while the search runs.
if (parentPort) {
  const port = parentPort;
  const { instance, options } = workerData as { instance: Instance; options: Omit<ScheduleOptions, 'onProgress'> };
  scheduleAsync(instance, { ...options, onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies EngineThreadMessage) }).then(
    (result) => port.postMessage({ type: 'result', result } satisfies EngineThreadMessage),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ type: 'error', message: e.message, name: e.name } satisfies EngineThreadMessage);
    },
  );
}
