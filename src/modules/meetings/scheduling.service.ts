import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Principal } from '../../core/auth/principal';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../core/queue/job-catalogue';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { formatLocal } from '../../core/time/zoned-time';
import { csvCell } from '../../core/csv/csv-cell';
import { buildInstance } from './domain/schedule-instance';
import type { AgendaResponse, MeetingResponse, ScheduleRunResponse, StartScheduleRunDto } from './dto/meetings.dto';
import { PRIORITY_WEIGHT } from './entities/meeting-request.entity';
import { ScheduleRun } from './entities/schedule-run.entity';
import { MeetingsRepository } from './meetings.repository';
import { effectiveStatus, MeetingsService } from './meetings.service';
import { runEngine } from './engine-runner';
import { DEFAULT_TIME_LIMIT_MS, InstanceError, type FairnessMode, type ScheduleProgress } from './scheduler';
import { DEFAULT_TIME_ZONE } from '../../core/time/zoned-time';

const ZONE = DEFAULT_TIME_ZONE;

/** Runs the scheduling engine for an edition as a BullMQ job and stores its result. */
@Injectable()
export class SchedulingService {
  private readonly logger = new Logger('meetings');

  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly fairs: FairsService,
    private readonly meetings: MeetingsRepository,
    private readonly transactions: TransactionRunner,
    @InjectQueue(Queues.Meetings) private readonly queue: Queue<JobCatalogue['meetings.schedule']>,
  ) {}

  async start(code: string, dto: StartScheduleRunDto, by: Principal): Promise<ScheduleRunResponse> {
    const edition = await this.meetingsService.edition(code);
    if (await this.meetings.isFrozen(edition.id)) {
      throw new DomainError(ErrorCode.Conflict, `The schedule of ${code} is frozen (agendas are being printed); unfreeze it first.`, { frozen: true });
    }
    const run = await this.transactions.run(async (tx) => {
      const saved = await tx.manager.save(tx.manager.create(ScheduleRun, {
        editionId: edition.id, status: 'queued', keepPublished: dto.keepPublished ?? true, seed: dto.seed ?? 1, requestedBy: by.accountId,
      }));
      tx.afterCommit(() => {
        this.queue.add('meetings.schedule', { runId: saved.id, fairness: dto.fairness ?? 'weight' }, { ...housekeepingJobOptions, attempts: 1, jobId: `schedule-run-${saved.id}` })
          .catch((error: unknown) => this.logger.error({ err: error, runId: saved.id }, 'could not queue the schedule run'));
      });
      return saved;
    });
    return toRunResponse(run);
  }

  async get(code: string, id: string): Promise<ScheduleRunResponse> {
    const edition = await this.meetingsService.edition(code);
    const run = await this.meetings.run(edition.id, id);
    if (!run) throw new DomainError(ErrorCode.NotFound, `No schedule run ${id} in ${code}.`);
    return toRunResponse(run);
  }

  /**
   * The job: gather the edition's accepted requests, run the pure engine, then replace the
   * unpublished meetings in one transaction. Published meetings stay unless the run allows moves.
   */
  async execute(runId: string, report: (p: ScheduleProgress) => void, fairness: FairnessMode = 'weight'): Promise<void> {
    const run = await this.meetings.runById(runId);
    if (!run || run.status === 'done' || run.status === 'failed') return;
    await this.meetings.updateRun(run.id, { status: 'running' });
    try {
      const editionId = run.editionId;
      const edition = await this.fairs.getEditionById(editionId);
      const { slots, tables, interpreters, participants, accepted, live, published, instance, publishedForEngine, staleLocks } = await this.gather(edition);
      // A lock that became impossible (an interpreter or a participant's time gone since) is reported
      // among the unscheduled requests with the rule it breaks; the rest of the run goes ahead.
      const result = await runEngine(
        instance,
        // the engine's defaults (work budget, LP step, 5 s safety stop), as the CLI uses them
        { seed: run.seed, published: publishedForEngine, keepPlaced: run.keepPublished, timeLimitMs: DEFAULT_TIME_LIMIT_MS, brokenFixed: 'unschedule', fairness },
        report,
      );
      // The engine speaks in ids; organizers read company and interpreter names.
      const names = this.names(participants, interpreters, accepted);
      const brokenFixed = new Set(result.stats.brokenFixed.map((b) => b.request));
      const unscheduled = [...staleLocks, ...result.unscheduled].map((u) => ({
        request: u.request,
        reason: nameIds(brokenFixed.has(u.request) ? u.reason.replace(/^fixed at/, 'locked at') : u.reason, names),
      }));
      const locked = new Set([...staleLocks.map((l) => l.request), ...brokenFixed]);
      const brokenLocks = unscheduled.filter((u) => locked.has(u.request));
      const slotById = new Map(slots.map((s) => [s.id, s]));
      const requestById = new Map(accepted.map((r) => [r.id, r]));
      // What the participants have heard of: published meetings, and drafts announced before the
      // schedule was taken back. Each is kept, replaced by its next version, or cancelled.
      const announced = [...published, ...live.filter((m) => m.status === 'scheduled' && m.notifiedSequence !== null)];
      const announcedByRequest = new Map(announced.map((m) => [m.requestId, m]));
      await this.transactions.run(async ({ manager }) => {
        const heard = await this.meetings.heardSequences(manager, editionId);
        await this.meetings.deleteUnannouncedDrafts(manager, editionId);
        for (const m of result.meetings) {
          const kept = announcedByRequest.get(m.request);
          if (kept && kept.slotId === m.slot && kept.tableCode === m.table && kept.interpreterId === (m.interpreter ?? null)) continue;
          if (kept) await manager.query(`DELETE FROM meetings WHERE id = $1`, [kept.id]); // moved: its next version replaces it
          const r = requestById.get(m.request)!;
          const slot = slotById.get(m.slot)!;
          await this.meetings.insertMeeting(
            manager,
            {
              editionId, requestId: r.id, slotId: m.slot, startsAt: new Date(slot.start), endsAt: new Date(slot.end), tableCode: m.table,
              interpreterId: m.interpreter ?? null, status: kept?.status ?? 'scheduled', sequence: heard.has(m.request) ? heard.get(m.request)! + 1 : 0,
            },
            [r.buyerId, r.exhibitorId],
          );
        }
        // Announced meetings the new schedule no longer holds are cancelled, so their participants hear of it.
        const placed = new Set(result.meetings.map((m) => m.request));
        for (const dropped of announced.filter((m) => !placed.has(m.requestId))) {
          await manager.query(`DELETE FROM meeting_seats WHERE meeting_id = $1`, [dropped.id]);
          await manager.query(`UPDATE meetings SET status = 'cancelled', sequence = sequence + 1 WHERE id = $1`, [dropped.id]);
        }
        await manager.update(ScheduleRun, run.id, {
          status: 'done', finishedAt: new Date(), unscheduled,
          stats: { ...result.stats, brokenFixed: undefined, brokenLocks, requests: accepted.length, slots: slots.length, tables: tables.length },
        });
      });
    } catch (error) {
      const message = error instanceof InstanceError ? error.message : 'the scheduler failed; see the worker log';
      if (!(error instanceof InstanceError)) this.logger.error({ err: error, runId }, 'schedule run failed');
      await this.meetings.updateRun(run.id, { status: 'failed', error: message, finishedAt: new Date() });
    }
  }

  /** Everything the engine (or a manual change's check) needs to know about an edition's meetings. */
  async gather(edition: FairEdition) {
    const editionId = edition.id;
    const [slots, tables, interpreters, participants, requests, live] = await Promise.all([
      this.meetingsService.slots(edition),
      this.meetings.tables(editionId),
      this.meetings.interpreters(editionId),
      this.meetings.participants(editionId),
      this.meetings.requests(editionId, ['accepted']),
      this.meetings.liveMeetings(editionId),
    ]);
    const accepted = requests.filter((r) => effectiveStatus(r) === 'accepted');
    const published = live.filter((m) => m.status === 'published');
    const { instance, published: publishedForEngine, staleLocks } = buildInstance({
      name: edition.code,
      slots,
      tables: tables.map((t) => t.code),
      interpreters: interpreters.map((i) => ({ id: i.id, languages: i.languages, unavailableSlots: i.unavailableSlots })),
      participants,
      requests: accepted.map((r) => ({ id: r.id, buyerId: r.buyerId, exhibitorId: r.exhibitorId, priority: r.priority, language: r.language })),
      locked: accepted.filter((r) => r.lockedSlotId && r.lockedTableCode).map((r) => ({ requestId: r.id, slotId: r.lockedSlotId!, tableCode: r.lockedTableCode! })),
      published: published.map((m) => ({ requestId: m.requestId, slotId: m.slotId, tableCode: m.tableCode, interpreterId: m.interpreterId })),
    });
    return { slots, tables, interpreters, participants, accepted, live, published, instance, publishedForEngine, staleLocks };
  }

  /** Ids in engine messages → the names organizers know: companies, interpreters, "the meeting A × B". */
  names(
    participants: Array<{ id: string; companyName: string }>,
    interpreters: Array<{ id: string; name: string }>,
    requests: Array<{ id: string; buyerId: string; exhibitorId: string }>,
  ): Map<string, string> {
    const company = new Map(participants.map((p) => [p.id, p.companyName]));
    return new Map<string, string>([
      ...company,
      ...interpreters.map((i) => [i.id, i.name] as const),
      ...requests.map((r) => [r.id, `the meeting ${company.get(r.buyerId)} × ${company.get(r.exhibitorId)}`] as const),
    ]);
  }

  /** The schedule as a spreadsheet: UTF-8 with a BOM so Excel reads Korean; formulas neutralised. */
  async scheduleCsv(code: string): Promise<string> {
    const edition = await this.meetingsService.edition(code);
    const { live, participants, interpreters } = await this.gather(edition);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const interpreter = new Map(interpreters.map((i) => [i.id, i.name]));
    const header = ['day', 'start', 'end', 'table', 'buyer', 'buyer_country', 'exhibitor', 'interpreter', 'priority', 'status'];
    const rows = live.map((m) => {
      const start = formatLocal(m.startsAt, ZONE);
      const buyer = byId.get(m.request!.buyerId);
      return [
        start.slice(0, 10), start.slice(11, 16), formatLocal(m.endsAt, ZONE).slice(11, 16), m.tableCode, buyer?.companyName ?? '', buyer?.country ?? '',
        byId.get(m.request!.exhibitorId)?.companyName ?? '', m.interpreterId ? (interpreter.get(m.interpreterId) ?? '') : '', m.request!.priority, m.status,
      ];
    });
    return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** One participant's meetings in time order, as its agenda shows them. */
  async agenda(code: string, participantId: string): Promise<AgendaResponse> {
    const edition = await this.meetingsService.edition(code);
    const { live, participants, interpreters } = await this.gather(edition);
    const me = participants.find((p) => p.id === participantId);
    if (!me) throw new DomainError(ErrorCode.NotFound, `No participant ${participantId} in ${code}.`);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const interpreter = new Map(interpreters.map((i) => [i.id, i.name]));
    return {
      participant: me.id,
      companyName: me.companyName,
      meetings: live
        .filter((m) => m.request!.buyerId === me.id || m.request!.exhibitorId === me.id)
        .map((m) => {
          const other = byId.get(m.request!.buyerId === me.id ? m.request!.exhibitorId : m.request!.buyerId);
          return {
            meeting: m.id, startsAt: formatLocal(m.startsAt, ZONE), endsAt: formatLocal(m.endsAt, ZONE), table: m.tableCode,
            counterpart: other?.companyName ?? '', counterpartCountry: other?.country ?? '',
            interpreter: m.interpreterId ? (interpreter.get(m.interpreterId) ?? null) : null, status: m.status,
          };
        }),
    };
  }

  async schedule(code: string): Promise<MeetingResponse[]> {
    const edition = await this.meetingsService.edition(code);
    const [live, participants] = await Promise.all([this.meetings.liveMeetings(edition.id), this.meetings.participants(edition.id)]);
    const company = new Map(participants.map((p) => [p.id, p.companyName]));
    return live.map((m) => ({
      id: m.id,
      request: m.requestId,
      buyer: company.get(m.request!.buyerId) ?? '',
      exhibitor: company.get(m.request!.exhibitorId) ?? '',
      slot: m.slotId,
      startsAt: formatLocal(m.startsAt, ZONE),
      endsAt: formatLocal(m.endsAt, ZONE),
      table: m.tableCode,
      interpreter: m.interpreterId,
      status: m.status,
      locked: m.request!.lockedSlotId !== null,
      weight: PRIORITY_WEIGHT[m.request!.priority],
    }));
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Replaces the ids in an engine reason with the names people know, e.g. "exhibitor Honam Parts …". */
export function nameIds(reason: string, names: Map<string, string>): string {
  return reason.replace(UUID, (id) => names.get(id) ?? id);
}

function toRunResponse(r: ScheduleRun): ScheduleRunResponse {
  return { id: r.id, status: r.status, progress: r.progress, stats: r.stats, unscheduled: r.unscheduled, error: r.error };
}
