import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../core/config/app-config';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../core/queue/job-catalogue';
import type { ItineraryItem } from './domain/itinerary';

export type ReminderJob = JobCatalogue['itinerary.remind'];

/** Reminders are sent this long before a session or meeting, and at this Seoul time the day before the visit. */
const DAY_BEFORE_AT = '18:00';

/** A job id per item and start time: a moved item gets a new job, and adding the same one twice is a no-op. */
export function itemReminderKey(attendeeId: string, uid: string, startsAt: Date): string {
  return `reminder-${attendeeId}-${createHash('sha256').update(uid).digest('hex').slice(0, 16)}-${startsAt.getTime()}`;
}

export function dayBeforeKey(attendeeId: string, day: string): string {
  return `reminder-${attendeeId}-day-${day}`;
}

/**
 * Keeps the delayed reminder jobs in step with the itinerary: new and moved items get a job at
 * their new time, moved and cancelled ones lose the old job. The handler still checks each
 * reminder against the current plan, so a job that could not be removed is never sent stale.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    @InjectQueue(Queues.Attendees) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async reschedule(attendee: { id: string; days: string[] }, items: ItineraryItem[], stale: Array<{ uid: string; startsAt: Date }>): Promise<void> {
    await Promise.all(stale.map((s) => this.queue.remove(itemReminderKey(attendee.id, s.uid, s.startsAt))));
    const now = Date.now();
    const lead = this.config.reminderMinutesBefore * 60_000;
    const jobs: Array<{ key: string; at: number; data: ReminderJob }> = items
      .filter((i) => i.kind !== 'exhibition')
      .map((i) => ({
        key: itemReminderKey(attendee.id, i.uid, i.startsAt),
        at: i.startsAt.getTime() - lead,
        data: { attendeeId: attendee.id, kind: 'item' as const, uid: i.uid, startsAt: i.startsAt.toISOString(), day: null },
      }));
    const first = [...attendee.days].sort()[0];
    if (first) {
      const eve = new Date(new Date(`${first}T${DAY_BEFORE_AT}:00+09:00`).getTime() - 86_400_000);
      jobs.push({ key: dayBeforeKey(attendee.id, first), at: eve.getTime(), data: { attendeeId: attendee.id, kind: 'day-before', uid: null, startsAt: null, day: first } });
    }
    for (const job of jobs.filter((j) => j.at > now)) {
      await this.queue.add('itinerary.remind', job.data, { ...housekeepingJobOptions, jobId: job.key, delay: job.at - now, removeOnComplete: true });
    }
  }
}
