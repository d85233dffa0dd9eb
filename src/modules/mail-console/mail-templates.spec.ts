import { readdirSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { join } from 'node:path';
import type { MailLocale, MailTemplate } from '../../core/mail/mail-template';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { renderMail } from '../../core/mail/mail-template';
import { checkMailText } from '../../core/mail/mail-text';
import { composeMimeMessage } from '../../core/mail/mime-message';
import { composedByNodemailer, readerView } from '../../../test/support/mail-reader';
import { emailConfirmationMail, invitationMail, passwordResetMail, staffInvitationMail } from '../../core/auth/mail/account-mails';
import { attendeeLinkMail } from '../attendees/mail/attendee-link.mail';
import { itineraryMail } from '../attendees/mail/itinerary.mail';
import { reminderMail } from '../attendees/mail/reminder.mail';
import { applicationStatusMail } from '../exhibitors/mail/application-status.mail';
import { applicationSubmittedMail } from '../exhibitors/mail/application-submitted.mail';
import { boothsAssignedMail } from '../exhibitors/mail/booths-assigned.mail';
import { accessLinkMail } from '../meetings/mail/access-link.mail';
import { agendaMail } from '../meetings/mail/agenda.mail';
import { requestDigestMail } from '../meetings/mail/request-digest.mail';
import { meetingChangeMail } from '../meetings/mail/meeting-change.mail';
import { surveyMail } from '../meetings/mail/survey.mail';
import { bookingCancelledMail, bookingConfirmedMail, holdExpiredMail } from '../venue/mail/booking-mails';
import {
  billingInvoiceIssuedMail, billingPaymentReceivedMail, billingQuoteMail, billingRefundMail, billingReminderMail,
} from '../exhibitors/billing/mail/billing.mails';

/**
 * Every mail template, in both languages, with a hostile value in every free-text parameter: the
 * HTML part shows it escaped (no tag, no attribute break-out, no bare &), the text part shows it
 * as written (no HTML escapes). The templates come from the registry, filled from every `mail/`
 * folder of the code base, so a new template without a sample here fails the test.
 */
const HOSTILE = `<script>alert(1)</script> "><img src=x onerror=alert(1)> Kim & Lee's`;
const URL = `https://fairgate.example/x?token=a&next=${HOSTILE}`;
const LOCALES: MailLocale[] = ['ko', 'en'];
const CONTEXT = { publicUrl: 'https://fairgate.example' };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const bi = (s: string): { ko: string; en: string } => ({ ko: `${s} 한`, en: s });

interface Sample<P> {
  template: MailTemplate<P>;
  params: P;
  /** String parameters that are not free text (codes, enums, instants, addresses, binary): left as they are. */
  fixed: string[];
}
const sample = <P>(template: MailTemplate<P>, params: P, fixed: string[] = []): Sample<P> => ({ template, params, fixed });

const booking = {
  bookingId: HOSTILE, spaceNameKo: HOSTILE, spaceNameEn: HOSTILE, purpose: HOSTILE, reason: HOSTILE,
  startsAt: '2027-04-28T10:00:00+09:00', endsAt: '2027-04-30T17:00:00+09:00', occupiedFrom: '2027-04-26T08:00:00+09:00', occupiedUntil: '2027-05-01T20:00:00+09:00',
};
const BOOKING_TIMES = ['startsAt', 'endsAt', 'occupiedFrom', 'occupiedUntil'];

const billingHead = { companyName: HOSTILE, contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, invoiceUrl: URL };
const BILLING_DAYS = ['balanceDueOn', 'depositDueOn', 'receivedOn', 'dueOn', 'code'];

const SAMPLES: Array<Sample<never>> = [
  sample(billingQuoteMail, {
    ...billingHead, lines: [{ code: 'booths', quantity: 2, unitKrw: 2_600_000, amountKrw: 5_200_000 }], netKrw: 5_200_000, vatKrw: 520_000, totalKrw: 5_720_000,
    depositKrw: 1_716_000, depositDueDays: 14, balanceDueOn: '2027-03-29',
  }, BILLING_DAYS),
  sample(billingInvoiceIssuedMail, {
    ...billingHead, number: HOSTILE, totalKrw: 5_720_000, depositKrw: 1_716_000, depositDueOn: '2027-01-15', balanceDueOn: '2027-03-29', bankAccount: HOSTILE,
  }, BILLING_DAYS),
  sample(billingPaymentReceivedMail, { ...billingHead, number: HOSTILE, amountKrw: 1_000, receivedOn: '2027-01-10', paidKrw: 1_000, outstandingKrw: 5_719_000 }, BILLING_DAYS),
  sample(billingReminderMail, { ...billingHead, number: HOSTILE, outstandingKrw: 5_719_000, dueOn: '2027-03-29', bankAccount: HOSTILE }, BILLING_DAYS),
  sample(billingRefundMail, { ...billingHead, number: HOSTILE, amountKrw: 500, receivedOn: '2027-04-01' }, BILLING_DAYS),
  sample(emailConfirmationMail, { displayName: HOSTILE, confirmUrl: URL, expiresInHours: 24 }),
  sample(passwordResetMail, { displayName: HOSTILE, resetUrl: URL, expiresInMinutes: 30 }),
  sample(invitationMail, { inviterName: HOSTILE, companyName: HOSTILE, acceptUrl: URL, expiresInHours: 72 }),
  sample(staffInvitationMail, { inviterName: HOSTILE, acceptUrl: URL, expiresInHours: 72 }),
  sample(attendeeLinkMail, {
    name: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, badgeCode: HOSTILE, days: [HOSTILE], accessPath: `/a/${HOSTILE}`,
    reason: 'registered', confirmed: false, badgeQrPng: PNG,
  }, ['reason', 'badgeQrPng']),
  sample(itineraryMail, {
    attendeeId: '00000000-0000-4000-8000-000000000012', name: HOSTILE, email: 'visitor@example.com', edition: bi(HOSTILE),
    organizer: { email: 'no-reply@fairgate.local', name: HOSTILE }, full: false,
    items: [{
      uid: 'itinerary-1@fairgate', kind: 'session', startsAt: '2027-04-28T01:00:00.000Z', endsAt: '2027-04-28T02:00:00.000Z',
      title: bi(HOSTILE), location: bi(HOSTILE), details: bi(`${HOSTILE}\n${HOSTILE}`), sequence: 1, changed: true,
    }],
    cancelled: [{ uid: 'itinerary-2@fairgate', sequence: 2, title: bi(HOSTILE), location: bi(HOSTILE), startsAt: '2027-04-29T01:00:00.000Z', endsAt: '2027-04-29T02:00:00.000Z' }],
  }, ['attendeeId', 'email', 'uid', 'kind', 'startsAt', 'endsAt']),
  sample(reminderMail, {
    name: HOSTILE, edition: bi(HOSTILE), kind: 'item',
    items: [{ startsAt: '2027-04-28T01:00:00.000Z', endsAt: '2027-04-28T02:00:00.000Z', title: bi(HOSTILE), location: bi(HOSTILE) }],
  }, ['kind', 'startsAt', 'endsAt']),
  sample(applicationStatusMail, {
    applicationId: HOSTILE, companyName: HOSTILE, contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE,
    status: 'rejected', previousStatus: 'under_review', reason: `${HOSTILE}\n${HOSTILE}`, promoted: false, statusUrl: URL, fee: null, booths: [],
  }, ['status', 'previousStatus']),
  sample(applicationSubmittedMail, {
    applicationId: HOSTILE, companyName: HOSTILE, contactName: HOSTILE, businessRegistrationNumber: HOSTILE, editionNameKo: HOSTILE,
    editionNameEn: HOSTILE, startsOn: HOSTILE, endsOn: HOSTILE, boothType: 'shell_scheme', boothCount: 2, productCategories: [HOSTILE],
  }, ['boothType']),
  sample(boothsAssignedMail, {
    applicationId: HOSTILE, companyName: HOSTILE, contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, hallNameKo: HOSTILE, hallNameEn: HOSTILE,
    booths: [{ code: HOSTILE, kind: 'corner', units: 1 }],
    fee: { lines: [{ code: HOSTILE, quantity: 1, unitKrw: 2_600_000, amountKrw: 2_600_000 }], netKrw: 2_600_000, vatKrw: 260_000, totalKrw: 2_860_000 },
    statusUrl: URL,
  }, ['kind']),
  sample(accessLinkMail, { contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, accessPath: `/meetings/${HOSTILE}` }),
  sample(agendaMail, {
    participantName: HOSTILE, participantEmail: 'buyer@example.com', companyName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE,
    organizerEmail: 'no-reply@fairgate.local', update: true,
    meetings: [
      { uid: 'req-1', sequence: 1, start: '2027-04-28T01:00:00.000Z', end: '2027-04-28T01:30:00.000Z', counterpartCompany: HOSTILE, counterpartCountry: HOSTILE, table: HOSTILE, interpreter: HOSTILE, status: 'confirmed', changed: true },
      { uid: 'req-2', sequence: 2, start: '2027-04-28T02:00:00.000Z', end: '2027-04-28T02:30:00.000Z', counterpartCompany: HOSTILE, counterpartCountry: HOSTILE, table: HOSTILE, interpreter: null, status: 'cancelled', changed: true },
    ],
  }, ['participantEmail', 'organizerEmail', 'uid', 'start', 'end', 'status']),
  sample(requestDigestMail, { contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, items: [{ event: 'received', counterpart: HOSTILE, counterpartCountry: HOSTILE }] }, ['event']),
  sample(meetingChangeMail, {
    contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, counterpartCompany: HOSTILE, counterpartCountry: HOSTILE,
    start: '2027-04-28T01:00:00.000Z', end: '2027-04-28T01:30:00.000Z', table: HOSTILE, note: `${HOSTILE}\n${HOSTILE}`, pagePath: `/meetings/${HOSTILE}`,
  }, ['start', 'end']),
  sample(surveyMail, {
    contactName: HOSTILE, editionNameKo: HOSTILE, editionNameEn: HOSTILE, counterpart: HOSTILE,
    startsAt: '2027-04-28T01:00:00.000Z', endsAt: '2027-04-28T01:30:00.000Z', surveyPath: `/meetings/${HOSTILE}/surveys/1`,
  }, ['startsAt', 'endsAt']),
  sample(bookingConfirmedMail, booking, BOOKING_TIMES),
  sample(bookingCancelledMail, booking, BOOKING_TIMES),
  sample(holdExpiredMail, booking, BOOKING_TIMES),
] as Array<Sample<never>>;

/** Every template exported from a `mail/` folder of src/, registered as the modules do. */
function registryOfEveryTemplate(): MailTemplateRegistry {
  const registry = new MailTemplateRegistry();
  const src = join(__dirname, '..', '..');
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => /(^|\/)mail\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts') && !f.startsWith('core/mail/'));
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const value of Object.values(require(join(src, file)) as Record<string, unknown>)) {
      if (typeof value === 'object' && value !== null && typeof (value as MailTemplate).name === 'string' && typeof (value as MailTemplate).render === 'function') {
        registry.register(value as MailTemplate);
      }
    }
  }
  return registry;
}

/** Paths of the string leaves of params, e.g. `items.0.title.en`. */
function stringLeaves(value: unknown, path: string[] = []): Array<{ path: string[]; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
}

describe('every mail template escapes its parameters (one renderer for pages and emails)', () => {
  const registry = registryOfEveryTemplate();
  const byName = new Map(SAMPLES.map((s) => [s.template.name, s]));

  it('has a sample for every template of every mail/ folder (23 today)', () => {
    expect([...byName.keys()].sort()).toEqual(registry.names());
    expect(registry.names()).toHaveLength(23);
  });

  it('puts the hostile value in every free-text string parameter of each sample', () => {
    for (const s of SAMPLES) {
      for (const leaf of stringLeaves(s.params)) {
        if (s.fixed.includes(leaf.path[leaf.path.length - 1])) continue;
        expect({ template: s.template.name, path: leaf.path.join('.'), hostile: leaf.value.includes(HOSTILE) }).toEqual({ template: s.template.name, path: leaf.path.join('.'), hostile: true });
      }
    }
  });

  describe.each(registry.names().flatMap((name) => LOCALES.map((locale) => [name, locale] as const)))('%s (%s)', (name, locale) => {
    const mail = registry.get(name)!.render(byName.get(name)!.params, locale, CONTEXT);

    it('shows the hostile value escaped in the HTML part', () => {
      expect(mail.html).not.toMatch(/<script/i);
      expect(mail.html).not.toContain('<img src=x');
      expect(mail.html).not.toContain('"><img');
      expect(mail.html).not.toMatch(/&(?!(?:[a-z]+|#\d+);)/i); // no bare &: every one starts an entity
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; Kim &amp; Lee&#39;s');
    });

    it('leaves the text part and the subject readable: the value as written, no HTML escapes', () => {
      expect(mail.text).toContain(HOSTILE);
      for (const part of [mail.text, mail.subject]) expect(part).not.toMatch(/&(?:lt|gt|amp|quot|#39|#96);/);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    });

    it('goes out as nodemailer would have written it (composeMimeMessage, parsed by a mail program)', async () => {
      const parts = { from: '김대중컨벤션센터 <no-reply@fairgate.example>', to: 'buyer@example.com', messageId: '<ob-1@fairgate.example>', ...mail };
      expect(readerView(await simpleParser(composeMimeMessage(parts)))).toEqual(readerView(await simpleParser(await composedByNodemailer(parts))));
    });
  });
});

/** The kinds made editable after the first ones; each must stay listed. */
const EDITABLE_SINCE_MAILKINDS = [
  'meetings.agenda.published', 'meetings.agenda.updated', 'attendees.itinerary.full', 'attendees.itinerary.update', 'meetings.meeting-change', 'meetings.request-digest',
  'venue.booking-confirmed', 'venue.booking-cancelled', 'venue.booking-expired',
];

describe('every editable email kind (organizers\' texts)', () => {
  const registry = registryOfEveryTemplate();
  const byName = new Map(SAMPLES.map((s) => [s.template.name, s]));
  const kinds = registry.names().flatMap((name) => (registry.get(name)!.editable?.kinds ?? []).map((kind) => [name, kind.key, kind] as const));

  it('writes a booking\'s times as people read them, on the venue\'s clock (not ISO 8601)', () => {
    const ko = bookingConfirmedMail.render(booking, 'ko', CONTEXT);
    expect(ko.text).toContain('행사 시간: 2027년 4월 28일 (수) 오전 10:00 – 2027년 4월 30일 (금) 오후 5:00');
    expect(ko.text).toContain('2027년 4월 26일 (월) 오전 8:00 – 2027년 5월 1일 (토) 오후 8:00');
    expect(`${ko.text}${ko.html}`).not.toMatch(/\d{4}-\d{2}-\d{2}T|\b[AP]M\b/);
    const en = holdExpiredMail.render(booking, 'en', CONTEXT);
    expect(en.text).toContain('Event time: Wed 28 Apr 2027, 10:00 AM – Fri 30 Apr 2027, 5:00 PM');
  });

  it('has at least the approval of an application, the billing mails and the visitor link and reminder mails', () => {
    const keys = kinds.map(([, key]) => key);
    for (const key of [
      'exhibitor.application-status.approved', 'billing.quote', 'billing.invoice-issued', 'billing.payment-received', 'billing.reminder', 'billing.refund',
      'attendees.access-link.confirm', 'attendees.access-link.personal', 'attendees.reminder.day-before', 'attendees.reminder.item',
    ]) expect(keys).toContain(key);
  });

  it('keeps the code\'s words where a case is not editable (a re-sent visitor link), even with a text saved', () => {
    const params = { ...(byName.get('attendees.access-link')!.params as object), reason: 'resent' } as never;
    expect(attendeeLinkMail.editable!.kindOf(params)).toBeNull();
    expect(attendeeLinkMail.render(params, 'ko', CONTEXT).subject).toContain('참관 등록을 확인해 주세요');
  });

  it('renders the default words of the billing and visitor kinds as the code did (subject, lead, link, table kept)', () => {
    const payment = renderMail(billingPaymentReceivedMail, billingPaymentReceivedMail.editable!.sample, 'ko', CONTEXT);
    expect(payment.subject).toBe('[Fairgate] 입금 확인 GCS27-0001: 2027 광주국제그린카전시회');
    expect(payment.text).toContain('광주정밀(주)의 입금을 확인했습니다. 감사합니다.');
    expect(payment.text).toContain('입금액: 1,716,000원');
    expect(payment.html).toContain(`<a href="${billingPaymentReceivedMail.editable!.sample.invoiceUrl}">`);
    const reminder = renderMail(reminderMail, reminderMail.editable!.sample, 'en', CONTEXT);
    expect(reminder.subject).toBe('[Fairgate] Starting soon: EV battery recycling today');
    expect(reminder.html).toContain('<li>');
  });

  it('refuses a billing text without the invoice link', () => {
    expect(checkMailText({ subject: 'S', body: '{{company_name}}' }, billingRefundMail.editable!.placeholders))
      .toEqual([{ field: 'body', code: 'missing', placeholder: '{{invoice_url}}' }]);
  });

  it('has the agenda, itinerary, meeting-change and request-digest kinds (issue 15 part 5)', () => {
    expect(kinds.map(([, key]) => key)).toEqual(expect.arrayContaining(EDITABLE_SINCE_MAILKINDS));
  });

  describe.each(kinds)('%s: %s', (name, key, kind) => {
    const template = registry.get(name)!;
    const editable = template.editable!;

    it('names itself in Korean and English and its default texts pass the save check in both languages', () => {
      for (const locale of LOCALES) {
        expect(kind.label[locale].trim()).not.toBe('');
        expect(kind.trigger[locale].trim()).not.toBe('');
        expect(checkMailText(kind.defaults[locale], editable.placeholders)).toEqual([]);
      }
    });

    it('renders an edited text using every placeholder with hostile values: escaped in HTML, as written in the text part, one-line subject', () => {
      const all = editable.placeholders.map((p) => `{{${p.name}}}`).join(' ');
      for (const locale of LOCALES) {
        const mail = renderMail(template, byName.get(name)!.params as Record<string, unknown>, locale, CONTEXT, { subject: `S ${all}`, body: `**B** ${all}\n\n${all}` });
        expect(mail.html).not.toMatch(/<script/i);
        expect(mail.html).not.toContain('"><img');
        expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(mail.text).toContain(HOSTILE);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(editable.kindOf(editable.sampleFor?.(key) ?? editable.sample)).toBe(editable.sampleFor ? key : editable.kindOf(editable.sample));
      }
    });
  });
});
