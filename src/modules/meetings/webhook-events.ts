import { defineWebhookEvent } from '../../core/webhooks/webhook-event-type';

/** An edition's export-meeting schedule was published (again): how many meetings it holds now. */
export interface SchedulePublishedWebhookData {
  /** Meetings that became published by this publication. */
  newly_published: number;
  /** Meetings of the schedule now published (cancelled ones not counted). */
  meetings_published: number;
  /** Participants emailed their agenda. */
  participants_notified: number;
  published_at: string;
}

export const schedulePublishedEvent = defineWebhookEvent<SchedulePublishedWebhookData>({
  type: 'schedule.published', labels: { ko: '상담 일정 공개', en: 'Meeting schedule published' }, scopeKey: 'edition',
});
