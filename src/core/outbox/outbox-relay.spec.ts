import { outboxGroupJobId } from '../queue/job-catalogue';
import { MAIL_GROUP_SIZE, relayJobs } from './outbox-relay';

const row = (id: string, batchId: string | null, redrives = 0) => ({ id, batchId, redrives });

describe('relayJobs: how claimed outbox rows become mail jobs', () => {
  it('groups the rows of a bulk send by MAIL_GROUP_SIZE, in order; single emails stay one job each', () => {
    const rows = [
      row('s1', null),
      ...Array.from({ length: MAIL_GROUP_SIZE + 3 }, (_, i) => row(`a${i}`, 'A')),
      row('s2', null),
      row('b0', 'B'),
      row('b1', 'B'),
    ];
    const jobs = relayJobs(rows);
    expect(jobs.map((j) => j.name)).toEqual(['mail.send', 'mail.send-group', 'mail.send-group', 'mail.send', 'mail.send-group']);
    expect(jobs[1].data).toEqual({ outboxIds: Array.from({ length: MAIL_GROUP_SIZE }, (_, i) => `a${i}`) });
    expect(jobs[2].data).toEqual({ outboxIds: [`a${MAIL_GROUP_SIZE}`, `a${MAIL_GROUP_SIZE + 1}`, `a${MAIL_GROUP_SIZE + 2}`] });
    expect(jobs[4].data).toEqual({ outboxIds: ['b0', 'b1'] });
    // Every row is in exactly one job.
    const ids = jobs.flatMap((j) => (j.name === 'mail.send' ? [j.data.outboxId] : j.data.outboxIds));
    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('sends a re-driven row of a bulk send alone (its earlier job may still exist under its own id), and a group of one as a single email', () => {
    const jobs = relayJobs([row('a0', 'A', 1), row('a1', 'A'), row('b0', 'B')]);
    expect(jobs).toEqual([
      { name: 'mail.send', data: { outboxId: 'a0' } },
      { name: 'mail.send', data: { outboxId: 'a1' } },
      { name: 'mail.send', data: { outboxId: 'b0' } },
    ]);
  });

  it('names a group job after its rows: the same rows, the same id (a repeated add is a no-op); other rows, another id', () => {
    expect(outboxGroupJobId(['a', 'b'])).toBe(outboxGroupJobId(['a', 'b']));
    expect(outboxGroupJobId(['a', 'b'])).not.toBe(outboxGroupJobId(['a', 'c']));
    expect(outboxGroupJobId(['a', 'b'])).toMatch(/^outbox-group-[0-9a-f]{40}$/);
  });
});
