import { SetMetadata } from '@nestjs/common';
import type { JobItem, JobName, QueueName } from './job-catalogue';

export const ON_JOB = 'fairgate:on-job';

/** What `@OnJob` records on a handler method. */
export interface JobHandlerSpec<N extends JobName = JobName> {
  /** The job's stable name in the catalogue. */
  name: N;
  /** The queue it runs on; must be the queue the catalogue names for it. */
  queue: QueueName;
}

/** A handler: receives the BullMQ job with its typed payload; what it returns is the job's result. */
export type JobHandlerFn<N extends JobName = JobName> = (job: JobItem<N>) => Promise<unknown>;

/**
 * Marks the method that handles job `name` on `queue`. The method must accept `JobItem<name>`,
 * so a handler that reads another job's payload does not compile. The class is a plain provider of
 * the module's `jobs/` folder, registered in processes that run workers; the queue's dispatcher in
 * core routes the job to it, and start-up fails unless every job has exactly one handler.
 */
export function OnJob<N extends JobName>(spec: JobHandlerSpec<N>) {
  const metadata: JobHandlerSpec = { name: spec.name, queue: spec.queue };
  return <F extends JobHandlerFn<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>): void => {
    SetMetadata(ON_JOB, metadata)(target, key, descriptor);
  };
}
