import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, changedFields, type AuditActor } from '../../core/audit/audit-trail';
import type { Principal } from '../../core/auth/principal';
import { PgError, pgCode } from '../../core/database/postgres-errors';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import type { LockRequestDto, MoveMeetingDto, RequestResponse } from './dto/meetings.dto';
import { Meeting, MeetingSeat } from './entities/meeting.entity';
import { MeetingRequest } from './entities/meeting-request.entity';
import { ScheduleSettings } from './entities/schedule-settings.entity';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService, toRequestResponse } from './meetings.service';
import { PublicationService } from './publication.service';
import { checkSchedule, type Meeting as EngineMeeting, type Violation } from './scheduler';
import { nameIds, SchedulingService } from './scheduling.service';

export interface ChangeResult {
  meetings: string[];
  /** Participants emailed about the change (published meetings only). */
  notified: number;
}

type Gathered = Awaited<ReturnType<SchedulingService['gather']>>;

/**
 * Organizers' hand changes to the schedule: move, swap, cancel, lock and unlock. Each is checked against the same
 * rules as the engine (a refusal names the rule), refused while the schedule is frozen, and
 * notifies both participants when the meeting was already published.
 */
@Injectable()
export class ScheduleChangesService {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly scheduling: SchedulingService,
    private readonly publication: PublicationService,
    private readonly transactions: TransactionRunner,
    private readonly meetingsRepo: MeetingsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async move(code: string, meetingId: string, dto: MoveMeetingDto, by: AuditActor): Promise<ChangeResult> {
    return this.change(code, [meetingId], by, 'meeting.move', (placements) => {
      const p = placements.get(meetingId)!;
      placements.set(meetingId, { ...p, slot: dto.slot, table: dto.table ?? p.table, interpreter: dto.interpreter === undefined ? p.interpreter : dto.interpreter ?? undefined });
    });
  }

  async swap(code: string, a: string, b: string, by: AuditActor): Promise<ChangeResult> {
    if (a === b) throw DomainError.validation([{ field: 'meetings', messages: ['two different meetings are needed'] }]);
    return this.change(code, [a, b], by, 'meeting.swap', (placements) => {
      const pa = placements.get(a)!;
      const pb = placements.get(b)!;
      // Only the slots trade places: a table goes with its host, an interpreter with the meeting's language.
      placements.set(a, { ...pa, slot: pb.slot });
      placements.set(b, { ...pb, slot: pa.slot });
    });
  }

  async cancel(code: string, meetingId: string, by: AuditActor): Promise<ChangeResult> {
    const edition = await this.meetingsService.edition(code);
    return this.transactions.run(async (tx) => {
      await this.refuseIfFrozen(tx.manager, edition);
      const m = await this.lockMeetings(tx.manager, edition, [meetingId]);
      await tx.manager.delete(MeetingSeat, { meetingId });
      await tx.manager.update(Meeting, meetingId, { status: 'cancelled', sequence: m[0].sequence + 1 });
      // A cancelled meeting must not come back on the next run: its request is cancelled too.
      await tx.manager.update(MeetingRequest, m[0].requestId, { status: 'cancelled' });
      const notified = m[0].status === 'published' ? await this.publication.notifyChanged(tx, edition) : 0;
      await this.audit.record(tx.manager, {
        actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action: 'meeting.cancel', subjectType: 'meeting', subjectId: meetingId,
        ...changedFields({ status: m[0].status }, { status: 'cancelled' }),
      });
      return { meetings: [meetingId], notified };
    });
  }

  async setFrozen(code: string, frozen: boolean, by: Principal): Promise<{ frozen: boolean }> {
    const edition = await this.meetingsService.edition(code);
    await this.transactions.run(({ manager }) =>
      manager.upsert(ScheduleSettings, { editionId: edition.id, frozen, frozenAt: frozen ? new Date() : null, frozenBy: frozen ? by.accountId : null }, ['editionId']),
    );
    return { frozen };
  }

  /** Applies `edit` to the placements of the named meetings, checks every rule, then writes. */
  private async change(code: string, ids: string[], by: AuditActor, action: string, edit: (placements: Map<string, EngineMeeting>) => void): Promise<ChangeResult> {
    const edition = await this.meetingsService.edition(code);
    const gathered = await this.scheduling.gather(edition);
    const byId = new Map(gathered.live.map((m) => [m.id, m]));
    for (const id of ids) if (!byId.has(id)) throw new DomainError(ErrorCode.NotFound, `No live meeting ${id} in ${code}.`);
    const placements = new Map<string, EngineMeeting>(
      gathered.live.map((m) => [m.id, { request: m.requestId, slot: m.slotId, table: m.tableCode, ...(m.interpreterId ? { interpreter: m.interpreterId } : {}) }]),
    );
    edit(placements);
    const changedRequests = new Set(ids.map((id) => byId.get(id)!.requestId));
    // An organizer's own move overrides the lock of the meetings it touches.
    const instance = {
      ...gathered.instance,
      requests: gathered.instance.requests.map((r) => (changedRequests.has(r.id) ? { ...r, fixed: undefined } : r)),
    };
    const slotById = new Map(gathered.slots.map((s) => [s.id, s]));
    for (const id of ids) {
      if (!slotById.has(placements.get(id)!.slot)) throw DomainError.validation([{ field: 'slot', messages: [`no slot ${placements.get(id)!.slot} in ${code}`] }]);
    }
    const violations = checkSchedule(instance, [...placements.values()]).filter((v) => v.request === undefined || changedRequests.has(v.request));
    if (violations.length > 0) throw this.ruleConflict('The change breaks a scheduling rule', violations, gathered);
    try {
      return await this.transactions.run(async (tx) => {
        await this.refuseIfFrozen(tx.manager, edition);
        const locked = await this.lockMeetings(tx.manager, edition, ids);
        await tx.manager.delete(MeetingSeat, ids.map((meetingId) => ({ meetingId })));
        for (const m of locked) {
          const p = placements.get(m.id)!;
          const slot = slotById.get(p.slot)!;
          const request = gathered.accepted.find((r) => r.id === m.requestId)!;
          await tx.manager.update(Meeting, m.id, {
            slotId: p.slot, startsAt: new Date(slot.start), endsAt: new Date(slot.end), tableCode: p.table, interpreterId: p.interpreter ?? null,
            sequence: m.sequence + (m.status === 'published' || m.notifiedSequence !== null ? 1 : 0),
          });
          if (request.lockedSlotId) await tx.manager.update(MeetingRequest, request.id, { lockedSlotId: p.slot, lockedTableCode: p.table });
          await tx.manager.insert(MeetingSeat, [request.buyerId, request.exhibitorId].map((participantId) => ({ participantId, slotId: p.slot, meetingId: m.id })));
          await this.audit.record(tx.manager, {
            actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action, subjectType: 'meeting', subjectId: m.id,
            ...changedFields(
              { slot: m.slotId, table: m.tableCode, interpreter: m.interpreterId ?? null },
              { slot: p.slot, table: p.table, interpreter: p.interpreter ?? null },
            ),
          });
        }
        const notified = locked.some((m) => m.status === 'published') ? await this.publication.notifyChanged(tx, edition) : 0;
        return { meetings: ids, notified };
      });
    } catch (error) {
      // Someone else changed the schedule between the check and the write; the database kept the rules.
      if (pgCode(error) === PgError.UniqueViolation) throw new DomainError(ErrorCode.Conflict, 'The schedule changed meanwhile; reload and try again.');
      throw error;
    }
  }

  /**
   * Locks an accepted request to a slot and table; every later run keeps it there. Checked like a
   * hand move: the schedule as it stands — the other locked requests at their locks, this one at
   * the new lock, with an interpreter when its language needs one — must keep every rule that
   * concerns this request, or the answer is 409 naming the rule (an interpreter nobody has, a
   * participant away or already meeting, a table that is not the host's or already taken, …).
   */
  async lock(code: string, id: string, dto: LockRequestDto): Promise<RequestResponse> {
    const edition = await this.meetingsService.edition(code);
    await this.meetingsService.checkSlots(edition, [dto.slot], 'slot');
    await this.meetingsService.checkTable(edition, dto.table, 'table');
    const gathered = await this.scheduling.gather(edition);
    const request = gathered.accepted.find((r) => r.id === id);
    // Not accepted (or not there): the transaction below says which.
    if (request) {
      const violations = lockViolations(gathered, request, dto);
      if (violations.length > 0) throw this.ruleConflict('The lock breaks a scheduling rule', violations, gathered);
    }
    const saved = await this.transactions.run(async ({ manager }) => {
      const r = await this.meetingsRepo.lockRequest(manager, edition.id, id);
      if (!r) throw new DomainError(ErrorCode.NotFound, `No meeting request ${id} in ${code}.`);
      if (r.status !== 'accepted') throw new DomainError(ErrorCode.IllegalTransition, `Only an accepted request can be locked; this one is ${r.status}.`);
      r.lockedSlotId = dto.slot;
      r.lockedTableCode = dto.table;
      return manager.save(r);
    });
    return toRequestResponse(saved);
  }

  /** Takes a request's lock away: the next run may place it anywhere again. Unlocking twice changes nothing. */
  async unlock(code: string, id: string): Promise<RequestResponse> {
    const edition = await this.meetingsService.edition(code);
    const saved = await this.transactions.run(async ({ manager }) => {
      const r = await this.meetingsRepo.lockRequest(manager, edition.id, id);
      if (!r) throw new DomainError(ErrorCode.NotFound, `No meeting request ${id} in ${code}.`);
      if (r.lockedSlotId === null && r.lockedTableCode === null) return r;
      r.lockedSlotId = null;
      r.lockedTableCode = null;
      return manager.save(r);
    });
    return toRequestResponse(saved);
  }

  /** 409 naming the first broken rule, with every violation in words organizers know. */
  private ruleConflict(prefix: string, violations: Violation[], gathered: Gathered): DomainError {
    const names = this.scheduling.names(gathered.participants, gathered.interpreters, gathered.accepted);
    return new DomainError(ErrorCode.Conflict, `${prefix}: ${nameIds(violations[0].message, names)}.`, {
      violations: violations.map((v) => ({ rule: v.rule, code: v.code, message: nameIds(v.message, names) })),
    });
  }

  private async refuseIfFrozen(manager: EntityManager, edition: FairEdition): Promise<void> {
    if (await this.meetingsRepo.isFrozen(edition.id, manager)) {
      throw new DomainError(ErrorCode.Conflict, `The schedule of ${edition.code} is frozen (agendas are being printed); unfreeze it first.`, { frozen: true });
    }
  }

  private async lockMeetings(manager: EntityManager, edition: FairEdition, ids: string[]): Promise<Meeting[]> {
    const rows = await manager
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where(`m.id = ANY(:ids) AND m.edition_id = :editionId AND m.status <> 'cancelled'`, { ids, editionId: edition.id })
      .orderBy('m.id')
      .getMany();
    if (rows.length !== ids.length) throw new DomainError(ErrorCode.NotFound, 'A meeting of this change no longer exists.');
    return rows;
  }
}

/**
 * The rules a new lock would break. The placements are the live meetings, except that locked
 * requests stand at their locks and this request at the new one; locked requests without an
 * interpreter get the first free one who speaks their language, earlier locks before this one.
 * This request is placed last, so a collision is reported against it, and only violations that
 * concern it (or the maximum of one of its participants) count.
 */
export function lockViolations(gathered: Gathered, request: Gathered['accepted'][number], dto: LockRequestDto): Violation[] {
  const lockedElsewhere = new Map(gathered.accepted.filter((r) => r.id !== request.id && r.lockedSlotId && r.lockedTableCode).map((r) => [r.id, r]));
  const placements: EngineMeeting[] = [];
  for (const m of gathered.live) {
    if (m.requestId === request.id) continue;
    const lock = lockedElsewhere.get(m.requestId);
    if (lock && (lock.lockedSlotId !== m.slotId || lock.lockedTableCode !== m.tableCode)) continue; // it will stand at its lock
    placements.push({ request: m.requestId, slot: m.slotId, table: m.tableCode, ...(m.interpreterId ? { interpreter: m.interpreterId } : {}) });
  }
  const placed = new Set(placements.map((p) => p.request));
  const busy = new Set(placements.filter((p) => p.interpreter).map((p) => `${p.interpreter}|${p.slot}`));
  const withInterpreter = (p: EngineMeeting, language: string | null, chosen?: string): EngineMeeting => {
    if (!language) return chosen ? { ...p, interpreter: chosen } : p;
    const it =
      chosen ??
      gathered.interpreters.find((i) => i.languages.includes(language) && !i.unavailableSlots.includes(p.slot) && !busy.has(`${i.id}|${p.slot}`))?.id;
    if (!it) return p;
    busy.add(`${it}|${p.slot}`);
    return { ...p, interpreter: it };
  };
  for (const r of lockedElsewhere.values()) {
    if (!placed.has(r.id)) placements.push(withInterpreter({ request: r.id, slot: r.lockedSlotId!, table: r.lockedTableCode! }, r.language));
  }
  placements.push(withInterpreter({ request: request.id, slot: dto.slot, table: dto.table }, request.language, dto.interpreter));
  const fixed = { slot: dto.slot, table: dto.table };
  const known = gathered.instance.requests.some((r) => r.id === request.id);
  const instance = {
    ...gathered.instance,
    requests: known
      ? gathered.instance.requests.map((r) => (r.id === request.id ? { ...r, fixed } : r))
      : [...gathered.instance.requests, { id: request.id, buyer: request.buyerId, exhibitor: request.exhibitorId, language: request.language, fixed }],
  };
  const mine = [request.buyerId, request.exhibitorId];
  return checkSchedule(instance, placements).filter(
    (v) => v.request === request.id || (v.request === undefined && v.code === 'max-meetings' && mine.some((id) => v.message.includes(id))),
  );
}
