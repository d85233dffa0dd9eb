import { Injectable } from '@nestjs/common';
import { AuditTrail, changedFields, type AuditActor } from '../../core/audit/audit-trail';
import { AppConfig } from '../../core/config/app-config';
import { editionName } from '../fairs/domain/edition-name';
import { ProgrammeEvents } from '../fairs/programme-events';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { WebhookEvents } from '../../core/webhooks/webhook-events';
import { schedulePublishedEvent } from './webhook-events';
import { participantCompanyName } from './domain/participant-company';
import { agendaMail, type AgendaMailMeeting, type AgendaMailParams } from './mail/agenda.mail';
import { Meeting } from './entities/meeting.entity';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingInterpreter } from './entities/meeting-resources.entity';
import { MeetingRequest } from './entities/meeting-request.entity';
import { MeetingsService } from './meetings.service';
import { addressOfSender } from '../../core/mail/email-address';

export interface PublicationResult {
  published: number;
  /** Participants who were emailed their agenda. */
  notified: number;
}

/**
 * Publishing makes the scheduled meetings final and emails every participant whose meetings
 * changed since they last heard: the agenda, with one calendar event per changed meeting.
 * The emails are outbox rows of the same transaction: sent iff the publication committed.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly programmeEvents: ProgrammeEvents,
    private readonly webhooks: WebhookEvents,
    private readonly audit: AuditTrail,
  ) {}

  async publish(code: string, by: AuditActor): Promise<PublicationResult> {
    const edition = await this.meetingsService.edition(code);
    return this.transactions.run(async (tx) => {
      const { manager } = tx;
      // One publication at a time per edition.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('meetings.publish:' || $1))`, [edition.id]);
      const published: unknown[][] = await manager.query(
        `UPDATE meetings SET status = 'published' WHERE edition_id = $1 AND status = 'scheduled' RETURNING id`,
        [edition.id],
      );
      const meetings = await manager.getRepository(Meeting).find({ where: { editionId: edition.id } });
      if (meetings.length === 0 || meetings.every((m) => m.status === 'cancelled')) {
        throw new DomainError(ErrorCode.Conflict, `${code} has no schedule to publish yet: run the scheduler first.`);
      }
      const notified = await this.notifyChanged(tx, edition);
      const result = { published: published[0]?.length ?? 0, notified };
      const data = { newly_published: result.published, meetings_published: meetings.filter((m) => m.status === 'published').length, participants_notified: notified, published_at: new Date().toISOString() };
      await this.webhooks.emit(tx, schedulePublishedEvent, { scope: { id: edition.id, code: edition.code }, data });
      await this.audit.record(manager, {
        actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action: 'meetings.publish', subjectType: 'schedule', subjectId: edition.id,
        before: { publishedMeetings: data.meetings_published - result.published }, after: { publishedMeetings: data.meetings_published, participantsNotified: notified },
      });
      return result;
    });
  }

  /**
   * Takes the schedule back: every published meeting becomes a draft again, so the participants'
   * pages (and itineraries) stop showing it. No mail is sent now; the next publication emails
   * whoever's meetings changed since their last agenda (a meeting moved while unpublished counts as
   * changed). Refused while the schedule is frozen.
   */
  async unpublish(code: string, by: AuditActor): Promise<{ unpublished: number }> {
    const edition = await this.meetingsService.edition(code);
    return this.transactions.run(async (tx) => {
      const { manager } = tx;
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('meetings.publish:' || $1))`, [edition.id]);
      const settings: Array<{ frozen: boolean }> = await manager.query(`SELECT frozen FROM meeting_schedule_settings WHERE edition_id = $1`, [edition.id]);
      if (settings[0]?.frozen) {
        throw new DomainError(ErrorCode.Conflict, `The schedule of ${code} is frozen (agendas are being printed); unfreeze it first.`, { frozen: true });
      }
      const meetings = await manager.getRepository(Meeting).find({ where: { editionId: edition.id, status: 'published' }, relations: { request: true } });
      if (meetings.length === 0) {
        this.audit.nothingChanged();
        return { unpublished: 0 };
      }
      await manager.query(`UPDATE meetings SET status = 'scheduled' WHERE id = ANY($1::uuid[])`, [meetings.map((m) => m.id)]);
      const ids = new Set(meetings.flatMap((m) => [m.request!.buyerId, m.request!.exhibitorId]));
      const participants = await manager.getRepository(MeetingParticipant).findBy({ editionId: edition.id });
      await this.programmeEvents.meetingsChanged(tx, edition.id, participants.filter((p) => ids.has(p.id)).map((p) => p.email.toLowerCase()));
      await this.audit.record(manager, {
        actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action: 'meetings.unpublish', subjectType: 'schedule', subjectId: edition.id,
        ...changedFields({ publishedMeetings: meetings.length }, { publishedMeetings: 0 }),
      });
      return { unpublished: meetings.length };
    });
  }

  /**
   * Emails every participant whose published meetings changed since it last heard (new, moved or
   * cancelled), inside the caller's transaction. Answers how many participants were written to.
   */
  async notifyChanged(tx: TransactionContext, edition: FairEdition): Promise<number> {
    const { manager } = tx;
    const meetings = await manager.getRepository(Meeting).find({ where: { editionId: edition.id }, relations: { request: true } });
    const changed = meetings.filter((m) => m.status !== 'scheduled' && (m.notifiedSequence === null || m.notifiedSequence < m.sequence));
    if (changed.length === 0) return 0;
    const participants = new Map((await manager.getRepository(MeetingParticipant).findBy({ editionId: edition.id })).map((p) => [p.id, p]));
    const interpreters = new Map((await manager.getRepository(MeetingInterpreter).findBy({ editionId: edition.id })).map((i) => [i.id, i.name]));
    const changedIds = new Set(changed.map((m) => m.id));
    const touched = new Set(changed.flatMap((m) => [m.request!.buyerId, m.request!.exhibitorId]));
    const organizerEmail = addressOfSender(this.config.mailFrom);
    for (const participantId of touched) {
      const me = participants.get(participantId)!;
      const mine = meetings.filter(
        (m) => (m.status === 'published' || changedIds.has(m.id)) && (m.request!.buyerId === me.id || m.request!.exhibitorId === me.id),
      );
      const params: AgendaMailParams = {
        participantName: me.contactName,
        participantEmail: me.email,
        companyName: participantCompanyName(me.locale, me),
        editionNameKo: editionName(edition, 'ko'),
        editionNameEn: editionName(edition, 'en'),
        organizerEmail,
        update: mine.some((m) => m.notifiedSequence !== null || m.sequence > 0),
        meetings: mine.map((m) => toAgendaMeeting(m, m.request!, me, participants, interpreters, changedIds.has(m.id))),
      };
      await this.outbox.send(tx, agendaMail, { recipient: me.email, locale: me.locale, params, scopeId: edition.id });
    }
    await manager.query(`UPDATE meetings SET notified_sequence = sequence WHERE id = ANY($1::uuid[])`, [[...changedIds]]);
    // Participants who are also registered visitors see their meetings in their itinerary too.
    await this.programmeEvents.meetingsChanged(tx, edition.id, [...touched].map((id) => participants.get(id)!.email.toLowerCase()));
    return touched.size;
  }
}

function toAgendaMeeting(
  m: Meeting,
  r: MeetingRequest,
  me: MeetingParticipant,
  participants: Map<string, MeetingParticipant>,
  interpreters: Map<string, string>,
  changed: boolean,
): AgendaMailMeeting {
  const other = participants.get(r.buyerId === me.id ? r.exhibitorId : r.buyerId)!;
  return {
    uid: r.id,
    sequence: m.sequence,
    start: m.startsAt.toISOString(),
    end: m.endsAt.toISOString(),
    counterpartCompany: participantCompanyName(me.locale, other),
    counterpartCountry: other.country,
    table: m.tableCode,
    interpreter: m.interpreterId ? (interpreters.get(m.interpreterId) ?? null) : null,
    status: m.status === 'cancelled' ? 'cancelled' : 'confirmed',
    changed,
  };
}
