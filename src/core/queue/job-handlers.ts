import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { StartupError } from '../database/database-lifecycle';
import type { JobItem, JobName, JobQueueMap, QueueName } from './job-catalogue';
import { ON_JOB, type JobHandlerSpec } from './on-job.decorator';

/** The catalogue at run time: every job name and its queue (QueueModule.forRoot's `jobs`). */
export const JOB_QUEUE_MAP = Symbol('JOB_QUEUE_MAP');

/** One `@OnJob` method found on a provider; `where` is `Class.method`, for messages. */
export interface FoundJobHandler {
  /** The name it handles (at run time any string: a handler may name a job the catalogue lacks). */
  name: string;
  queue: QueueName;
  where: string;
}

/**
 * What is wrong between the catalogue and the handlers found, one line per problem: a job with no
 * handler or more than one, a handler declared for another queue than its job's, a handler of a
 * job the catalogue does not name. Empty when every job has exactly one handler.
 */
export function jobHandlerProblems(catalogue: JobQueueMap, found: readonly FoundJobHandler[]): string[] {
  const problems: string[] = [];
  for (const [name, queue] of Object.entries(catalogue) as Array<[JobName, QueueName]>) {
    const handlers = found.filter((h) => h.name === name);
    if (handlers.length === 0) {
      problems.push(`job ${name} (queue ${queue}) has no handler`);
    } else if (handlers.length > 1) {
      problems.push(`job ${name} has ${handlers.length} handlers (${handlers.map((h) => h.where).join(', ')}); it must have exactly one`);
    } else if (handlers[0].queue !== queue) {
      problems.push(`job ${name} runs on queue ${queue} but its handler ${handlers[0].where} is declared for queue ${handlers[0].queue}`);
    }
  }
  for (const handler of found) {
    if (!Object.hasOwn(catalogue, handler.name)) problems.push(`handler ${handler.where} handles ${handler.name}, which is not in the job catalogue`);
  }
  return problems;
}

interface Route {
  queue: QueueName;
  wrapper: InstanceWrapper;
  method: string;
}

/**
 * The `@OnJob` handlers of every module, found with Nest's DiscoveryService and checked against
 * the catalogue when this provider is created — before any module's init hook, so before any worker
 * starts: a job with no handler, or with two, fails start-up with a StartupError naming it.
 * Registered only in processes that run workers (where the handlers are registered).
 */
@Injectable()
export class JobHandlers {
  private readonly routes = new Map<string, Route>();

  constructor(
    discovery: DiscoveryService,
    scanner: MetadataScanner,
    reflector: Reflector,
    @Inject(JOB_QUEUE_MAP) catalogue: JobQueueMap,
  ) {
    const found: FoundJobHandler[] = [];
    for (const wrapper of discovery.getProviders()) {
      if (wrapper.isNotMetatype || typeof wrapper.metatype !== 'function') continue;
      const prototype = wrapper.metatype.prototype as Record<string, unknown> | undefined;
      if (!prototype) continue;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const fn = prototype[method];
        if (typeof fn !== 'function') continue;
        const spec = reflector.get<JobHandlerSpec | undefined>(ON_JOB, fn);
        if (!spec) continue;
        found.push({ ...spec, where: `${wrapper.metatype.name}.${method}` });
        this.routes.set(spec.name, { queue: spec.queue, wrapper, method });
      }
    }
    const problems = jobHandlerProblems(catalogue, found);
    if (problems.length > 0) throw new StartupError(`${problems.join('; ')} (each job of the catalogue needs exactly one @OnJob handler)`);
  }

  /** Runs the one handler of `job` (a job of another queue is refused). */
  handle(queue: QueueName, job: JobItem): Promise<unknown> {
    const route = this.routes.get(job.name);
    if (!route || route.queue !== queue) return Promise.reject(new Error(`job ${job.name} has no handler on the ${queue} queue`));
    const instance = route.wrapper.instance as Record<string, (job: JobItem) => Promise<unknown>>;
    return instance[route.method](job);
  }
}
