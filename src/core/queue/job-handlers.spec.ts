import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { StartupError } from '../database/database-lifecycle';
import { Queues, type JobItem, type JobQueueMap } from './job-catalogue';
import { JOB_QUEUE_MAP, JobHandlers, jobHandlerProblems } from './job-handlers';
import { OnJob } from './on-job.decorator';

@Injectable()
class MailSendHandler {
  readonly seen: string[] = [];

  @OnJob({ name: 'mail.send', queue: Queues.Mail })
  run(job: JobItem<'mail.send'>): Promise<string> {
    this.seen.push(job.data.outboxId);
    return Promise.resolve(`sent ${job.data.outboxId}`);
  }
}

@Injectable()
class SecondMailSendHandler {
  @OnJob({ name: 'mail.send', queue: Queues.Mail })
  again(): Promise<void> {
    return Promise.resolve();
  }
}

/** A catalogue of one job (the real one is larger; these tests name their own). */
const catalogue = { 'mail.send': Queues.Mail } as unknown as JobQueueMap;

function start(providers: Array<new (...args: never[]) => object>, jobs: JobQueueMap = catalogue): Promise<JobHandlers> {
  return Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [...providers, JobHandlers, { provide: JOB_QUEUE_MAP, useValue: jobs }],
  })
    .compile()
    .then((module) => module.get(JobHandlers));
}

const job = (name: string, data: object): JobItem => ({ name, data }) as unknown as JobItem;

describe('job handlers: every job of the catalogue has exactly one', () => {
  it('routes a job to its one handler, and refuses it on another queue', async () => {
    const handlers = await start([MailSendHandler]);
    await expect(handlers.handle(Queues.Mail, job('mail.send', { outboxId: 'o-1' }))).resolves.toBe('sent o-1');
    await expect(handlers.handle(Queues.Venue, job('mail.send', { outboxId: 'o-2' }))).rejects.toThrow('job mail.send has no handler on the venue queue');
    await expect(handlers.handle(Queues.Mail, job('venue.hold-sweep', {}))).rejects.toThrow('job venue.hold-sweep has no handler on the mail queue');
  });

  it('fails start-up naming a job that has no handler', async () => {
    const failure = start([]);
    await expect(failure).rejects.toBeInstanceOf(StartupError);
    await expect(failure).rejects.toThrow(/^job mail\.send \(queue mail\) has no handler/);
  });

  it('fails start-up naming a job that has two handlers, and both of them', async () => {
    const failure = start([MailSendHandler, SecondMailSendHandler]);
    await expect(failure).rejects.toBeInstanceOf(StartupError);
    await expect(failure).rejects.toThrow(
      /^job mail\.send has 2 handlers \(MailSendHandler\.run, SecondMailSendHandler\.again\); it must have exactly one/,
    );
  });

  it('names a handler on the wrong queue and a handler of a job the catalogue lacks', () => {
    expect(jobHandlerProblems(catalogue, [
      { name: 'mail.send', queue: Queues.Venue, where: 'A.run' },
      { name: 'venue.nothing', queue: Queues.Venue, where: 'B.run' },
    ])).toEqual([
      'job mail.send runs on queue mail but its handler A.run is declared for queue venue',
      'handler B.run handles venue.nothing, which is not in the job catalogue',
    ]);
  });
});
