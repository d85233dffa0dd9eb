import { defineWebhookEvent } from '../../core/webhooks/webhook-event-type';
import type { Attendee, AttendeeKind } from './entities/attendee.entity';

/** A visitor registered (new address only): who, for which days. No badge code or link token. */
export interface AttendeeWebhookData {
  attendee_id: string;
  name: string;
  email: string;
  company: string | null;
  country: string;
  kind: AttendeeKind;
  days: string[];
  locale: 'ko' | 'en';
  consent_messages: boolean;
  consent_share_contact: boolean;
  registered_at: string;
}

export const attendeeRegisteredEvent = defineWebhookEvent<AttendeeWebhookData>({
  type: 'attendee.registered', labels: { ko: '참관객 등록', en: 'Visitor registered' }, scopeKey: 'edition',
});

export function attendeeWebhookData(a: Attendee): AttendeeWebhookData {
  return {
    attendee_id: a.id, name: a.name, email: a.email, company: a.company, country: a.country, kind: a.kind, days: a.days, locale: a.locale,
    consent_messages: a.consentMessages, consent_share_contact: a.consentShareContact, registered_at: (a.createdAt ?? new Date()).toISOString(),
  };
}
