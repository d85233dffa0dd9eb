import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { readAll } from '../../core/database/read-all';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';
import { FairsService } from '../fairs/fairs.service';
import { ProgrammeDirectory } from '../fairs/programme-directory';
import { MeetingsDirectory } from '../meetings/meetings-directory';
import { editionDays } from './domain/edition-days';
import {
  buildItinerary, diffItinerary, itineraryCalendar, type ItineraryCancel, type ItineraryInput, type ItineraryItem, type Lang, type SentItem,
} from './domain/itinerary';
import type { Attendee } from './entities/attendee.entity';
import { ItineraryRepository } from './itinerary.repository';
import { itineraryMail, type ItineraryMailParams } from './mail/itinerary.mail';
import { dayBeforeKey, itemReminderKey, ReminderScheduler, type ReminderJob } from './reminder-scheduler';
import { reminderMail, type ReminderMailParams } from './mail/reminder.mail';
import { MailBatchService } from '../../core/outbox/mail-batch.service';
import { editionName } from '../fairs/domain/edition-name';

/** Opening hours when the programme has none for a day. */
const DEFAULT_HOURS = { opensAt: '10:00', closesAt: '17:00' };
/** Attendees composed per transaction by the sweeper. */
const COMPOSE_CHUNK = 50;

export interface CurrentItinerary {
  items: ItineraryItem[];
  sequences: Map<string, number>;
}

/**
 * Itineraries: what an attendee's visit looks like now, and the email that tells its calendar.
 * Changes only mark the attendee (same transaction as the change); the sweeper composes once the
 * changes have been quiet for ITINERARY_DEBOUNCE_SECONDS, so a burst gives one email, and a
 * crash loses nothing (the mark is in PostgreSQL until the email's outbox row commits).
 */
@Injectable()
export class ItineraryService {
  private readonly logger = new Logger('itinerary');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly itineraries: ItineraryRepository,
    private readonly fairs: FairsService,
    private readonly programme: ProgrammeDirectory,
    private readonly meetings: MeetingsDirectory,
    private readonly exhibitors: ExhibitorsDirectory,
    private readonly outbox: OutboxService,
    private readonly reminders: ReminderScheduler,
    private readonly batches: MailBatchService,
    private readonly config: AppConfig,
  ) {}

  /** The plan as it stands (for the page, the JSON and the .ics download). */
  async current(attendee: Attendee): Promise<CurrentItinerary> {
    const manager = this.dataSource.manager;
    const items = buildItinerary(await this.input(manager, attendee));
    const sent = new Map((await this.itineraries.sentItems(manager, attendee.id)).map((s) => [s.uid, s]));
    const sequences = new Map(items.map((i) => {
      const last = sent.get(i.uid);
      return [i.uid, !last ? 0 : last.fingerprint === i.fingerprint && !last.cancelled ? last.sequence : last.sequence + 1];
    }));
    return { items, sequences };
  }

  async calendarFile(attendee: Attendee): Promise<string> {
    const { items, sequences } = await this.current(attendee);
    return itineraryCalendar(items, sequences, attendee.locale, attendee.locale === 'ko' ? 'Fairgate 일정' : 'Fairgate itinerary');
  }

  /** Composes every itinerary that is due; answers how many emails were written. Safe on several workers (SKIP LOCKED). */
  async composeDue(): Promise<number> {
    let written = 0;
    for (;;) {
      const { claimed, sent } = await this.transactions.run(async (tx) => {
        const due = await this.itineraries.claimDue(tx.manager, this.config.itineraryDebounceSeconds, COMPOSE_CHUNK);
        let count = 0;
        for (const attendee of due) if (await this.composeLocked(tx, attendee)) count++;
        return { claimed: due.length, sent: count };
      });
      written += sent;
      if (claimed < COMPOSE_CHUNK) return written;
    }
  }

  /** One attendee's itinerary: diff against what its calendar knows, store the new sequences, write the email. */
  private async composeLocked(tx: TransactionContext, attendee: Attendee): Promise<boolean> {
    const full = attendee.itineraryBatchId !== null;
    const input = await this.input(tx.manager, attendee);
    const items = buildItinerary(input);
    const sentRows = await this.itineraries.sentItems(tx.manager, attendee.id);
    const sent: SentItem[] = sentRows.map((s) => ({ uid: s.uid, sequence: s.sequence, fingerprint: s.fingerprint, cancelled: s.cancelled }));
    const previous = new Map<string, ItineraryCancel['last']>(sentRows.map((s) => [s.uid, { title: s.title, location: s.location, startsAt: s.startsAt, endsAt: s.endsAt }]));
    const diff = diffItinerary(sent, items, previous);
    await this.itineraries.clearDirty(tx.manager, attendee.id, attendee.itineraryDirtyVersion);
    if (!full && diff.changed.length === 0 && diff.cancelled.length === 0) return false;

    const byUid = new Map(sentRows.map((s) => [s.uid, s]));
    await this.itineraries.saveSentItems(tx.manager, [
      ...diff.changed.map((c) => ({
        attendeeId: attendee.id, uid: c.item.uid, kind: c.item.kind, sequence: c.sequence, fingerprint: c.item.fingerprint, cancelled: false,
        title: c.item.title, location: c.item.location, startsAt: c.item.startsAt, endsAt: c.item.endsAt,
      })),
      ...diff.cancelled.map((c) => {
        const last = byUid.get(c.uid)!;
        return { ...last, sequence: c.sequence, cancelled: true };
      }).map(({ updatedAt: _u, attendee: _a, ...row }) => row),
    ]);

    const changedUids = new Set(diff.changed.map((c) => c.item.uid));
    const params: ItineraryMailParams = {
      attendeeId: attendee.id,
      name: attendee.name,
      email: attendee.email,
      edition: input.edition.name,
      organizer: input.organizer,
      full,
      items: items.map((i) => ({
        uid: i.uid, kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString(), title: i.title, location: i.location,
        details: i.details, sequence: diff.sequences.get(i.uid) ?? 0, changed: changedUids.has(i.uid),
      })),
      cancelled: diff.cancelled.map((c) => ({
        uid: c.uid, sequence: c.sequence, title: c.last?.title ?? { ko: '', en: '' }, location: c.last?.location ?? { ko: '', en: '' },
        startsAt: (c.last?.startsAt ?? new Date()).toISOString(), endsAt: (c.last?.endsAt ?? new Date()).toISOString(),
      })),
    };
    await this.outbox.send(tx, itineraryMail, { recipient: attendee.email, locale: attendee.locale, params, batchId: attendee.itineraryBatchId, scopeId: attendee.editionId });
    const stale = [...diff.changed.map((c) => c.item.uid), ...diff.cancelled.map((c) => c.uid)]
      .flatMap((uid) => (byUid.get(uid) ? [{ uid, startsAt: byUid.get(uid)!.startsAt }] : []));
    tx.afterCommit(() => void this.reminders.reschedule(attendee, items, stale).catch((error: unknown) => {
      this.logger.warn({ err: error, attendeeId: attendee.id }, 'reminders not rescheduled; the reminder handler re-checks each item before sending');
    }));
    return true;
  }

  /**
   * Sends one reminder if it still holds: the attendee still takes messages, the item still starts
   * when the job was planned for (or the visit still starts that day), and it was not sent before.
   */
  async sendReminder(job: ReminderJob): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const [attendee] = await tx.manager.query<Attendee[]>(
        `SELECT id, edition_id AS "editionId", name, email, locale, days FROM attendees WHERE id = $1 AND consent_messages FOR SHARE`, [job.attendeeId],
      );
      if (!attendee) return false;
      const input = await this.input(tx.manager, attendee);
      const items = buildItinerary(input);
      let due: ItineraryItem[];
      if (job.kind === 'item') {
        due = items.filter((i) => i.uid === job.uid && i.startsAt.toISOString() === job.startsAt);
      } else {
        const first = [...attendee.days].sort()[0];
        due = first === job.day ? items.filter((i) => seoulDate(i.startsAt) === first) : [];
      }
      if (due.length === 0) return false;
      const key = job.kind === 'item' ? itemReminderKey(attendee.id, job.uid ?? '', new Date(job.startsAt ?? 0)) : dayBeforeKey(attendee.id, job.day ?? '');
      if (!(await this.itineraries.claimReminder(tx.manager, attendee.id, key))) return false;
      const params: ReminderMailParams = {
        name: attendee.name, edition: input.edition.name, kind: job.kind,
        items: due.map((i) => ({ startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString(), title: i.title, location: i.location })),
      };
      await this.outbox.send(tx, reminderMail, { recipient: attendee.email, locale: attendee.locale, params, scopeId: attendee.editionId });
      return true;
    });
  }

  /**
   * Sends every consenting attendee of the edition a full itinerary, as one bulk batch: the batch
   * row and a mark per attendee in one statement; the sweeper composes them in chunks, each with
   * its outbox row in the batch (progress: GET /api/organizer/mail/batches/:id).
   */
  async sendAll(editionCode: string, createdBy: string): Promise<{ batchId: string; attendees: number }> {
    const edition = await this.fairs.getEdition(editionCode);
    return this.transactions.run(async (tx) => {
      // Two organizers (or two API instances) pressing "send" at once make one batch, not two.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('itinerary-batch:' || $1))`, [edition.id]);
      const label = `Itineraries ${edition.code}`;
      if (await this.itineraries.unfinishedBatchOf(tx.manager, edition.id, label)) {
        throw new DomainError(ErrorCode.Conflict, 'Itineraries of this edition are being sent already: wait for that batch to finish.');
      }
      const total = await this.itineraries.countConsenting(tx.manager, edition.id);
      const batch = await this.batches.createPending(tx, { template: itineraryMail.name, label, total, createdBy });
      const marked = await this.itineraries.markEditionForBatch(tx.manager, edition.id, batch.id);
      return { batchId: batch.id, attendees: marked };
    });
  }

  /** Everything the plan is built from, read in the caller's transaction. */
  async input(manager: EntityManager, attendee: Pick<Attendee, 'id' | 'editionId' | 'name' | 'email' | 'days'>): Promise<ItineraryInput> {
    const edition = await this.fairs.getEditionById(attendee.editionId);
    // Usually the caller's transaction: its reads go one at a time on its connection, in its snapshot.
    const [hours, choices, meetings] = await readAll(manager, [
      () => this.programme.openingHours(attendee.editionId, manager),
      () => this.itineraries.choices(manager, attendee.id),
      () => this.meetings.publishedMeetingsOf(manager, attendee.editionId, attendee.email),
    ] as const);
    const [sessions, booths] = await readAll(manager, [
      () => this.programme.sessionsInRooms(attendee.editionId, choices.confirmedSessionIds, manager),
      () => this.exhibitors.boothsOfApplications(attendee.editionId, choices.bookmarkedApplicationIds, manager),
    ] as const);
    const days = attendee.days.filter((d) => editionDays(edition.startsOn, edition.endsOn).includes(d));
    return {
      attendee: { id: attendee.id, name: attendee.name, email: attendee.email },
      edition: {
        name: { ko: editionName(edition, 'ko'), en: editionName(edition, 'en') },
        venue: { ko: edition.venue?.nameKo ?? '', en: edition.venue?.nameEn ?? '' },
      },
      days: days.map((date) => ({ date, ...(hours.find((h) => h.day === date) ?? DEFAULT_HOURS) })),
      sessions: sessions.map((s) => ({ id: s.id, title: { ko: s.titleKo, en: s.titleEn }, room: { ko: s.roomKo, en: s.roomEn }, startsAt: s.startsAt, endsAt: s.endsAt })),
      meetings: meetings.map((m) => ({ uid: `meeting-${m.requestId}@fairgate`, startsAt: m.startsAt, endsAt: m.endsAt, table: m.tableCode, counterpart: m.counterpart })),
      booths: booths.map((b) => ({ company: b.companyName, hall: { ko: b.hallKo ?? '', en: b.hallEn ?? '' }, boothCodes: b.booths, categories: b.categories })),
      organizer: { email: addressOf(this.config.mailFrom), name: 'Fairgate' },
    };
  }
}

const seoulDate = (at: Date): string => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The bare address of a From header such as `Fairgate <no-reply@x>`. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export type { Lang };
