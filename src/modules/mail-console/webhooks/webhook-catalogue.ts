import type { WebhookEventType } from '../../../core/webhooks/webhook-event-type';
import { attendeeRegisteredEvent } from '../../attendees/webhook-events';
import { EXHIBITOR_WEBHOOK_EVENTS } from '../../exhibitors/webhook-events';
import { schedulePublishedEvent } from '../../meetings/webhook-events';

/**
 * Every event type an organizer may subscribe to, as the areas below declare them (mail-console
 * stands above exhibitors, meetings and attendees, so it may list theirs). A new event type is
 * added to its area's webhook-events.ts and listed here.
 */
export const WEBHOOK_EVENT_TYPES: ReadonlyArray<WebhookEventType<object>> = [...EXHIBITOR_WEBHOOK_EVENTS, attendeeRegisteredEvent, schedulePublishedEvent];

export const WEBHOOK_EVENT_NAMES: readonly string[] = WEBHOOK_EVENT_TYPES.map((e) => e.type);
