import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { OutboxService } from '../../core/outbox/outbox.service';
import { editionName } from '../fairs/domain/edition-name';
import { FairsService } from '../fairs/fairs.service';
import type { NoticeEvent } from './entities/meeting-request-notice.entity';
import type { MeetingRequest } from './entities/meeting-request.entity';
import { requestDigestMail, type RequestDigestParams } from './mail/request-digest.mail';

/** Participants whose digest one sweep transaction writes at most; the sweep goes on until none is due. */
const DIGEST_CHUNK = 50;
/** Requests one sweep transaction expires at most. */
const EXPIRE_CHUNK = 500;

type RequestSides = Pick<MeetingRequest, 'id' | 'buyerId' | 'exhibitorId' | 'requestedBy'>;

/**
 * Tells both sides of a meeting request what happened to it — received (and sent), accepted,
 * declined, expired — through the outbox, batched per participant: notices are written in the
 * transaction of the change, and a sweep (a repeatable job) writes one digest per participant once
 * its oldest notice has waited MEETING_REQUEST_DIGEST_SECONDS, with the content read from the
 * database at that moment. The same sweep expires pending requests past their time, so a request
 * expires (and both sides hear of it) whether or not anyone reads it.
 */
@Injectable()
export class RequestNoticesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly fairs: FairsService,
    private readonly config: AppConfig,
  ) {}

  get digestSeconds(): number {
    return this.config.meetingRequestDigestSeconds;
  }

  /** A new request: the asked side receives it, the asking side is told it was sent; an organizer's is accepted at once. */
  async created(manager: EntityManager, r: RequestSides & { status: string }): Promise<void> {
    if (r.status === 'accepted') return this.record(manager, r.id, [[r.buyerId, 'accepted'], [r.exhibitorId, 'accepted']]);
    const asker = r.requestedBy === 'buyer' ? r.buyerId : r.exhibitorId;
    const asked = r.requestedBy === 'buyer' ? r.exhibitorId : r.buyerId;
    return this.record(manager, r.id, [[asked, 'received'], [asker, 'sent']]);
  }

  /** An answer or an expiry: both sides hear of it. */
  async changed(manager: EntityManager, r: RequestSides, event: 'accepted' | 'declined' | 'expired'): Promise<void> {
    return this.record(manager, r.id, [[r.buyerId, event], [r.exhibitorId, event]]);
  }

  /** One sweep: expire what is due, then write the digests that are due. */
  async sweep(): Promise<{ expired: number; digests: number }> {
    const expired = await this.expireDue();
    return { expired, digests: await this.composeDue() };
  }

  /** Pending requests past their expiry become expired, each with its notices, in one transaction per chunk. */
  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.transactions.run(async ({ manager }) => {
        const expired: Array<{ id: string; buyer_id: string; exhibitor_id: string; requested_by: MeetingRequest['requestedBy'] }> = await manager.query(
          // A SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count].
          `WITH expired AS (
             UPDATE meeting_requests SET status = 'expired'
              WHERE id IN (SELECT id FROM meeting_requests WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
              RETURNING id, buyer_id, exhibitor_id, requested_by)
           SELECT * FROM expired`,
          [EXPIRE_CHUNK],
        );
        for (const r of expired) await this.changed(manager, { id: r.id, buyerId: r.buyer_id, exhibitorId: r.exhibitor_id, requestedBy: r.requested_by }, 'expired');
        return expired.length;
      });
      total += rows;
      if (rows < EXPIRE_CHUNK) return total;
    }
  }

  /** Writes one digest for each participant whose oldest unsent notice has waited long enough. */
  async composeDue(): Promise<number> {
    let written = 0;
    for (;;) {
      const { claimed, sent } = await this.transactions.run(async (tx) => {
        // Lock the due participants' unsent notices; another worker's sweep skips them.
        const notices: Array<{ id: string; participant_id: string; request_id: string; event: NoticeEvent }> = await tx.manager.query(
          `SELECT n.id, n.participant_id, n.request_id, n.event FROM meeting_request_notices n
            WHERE n.notified_at IS NULL AND n.participant_id IN (
                    SELECT participant_id FROM meeting_request_notices WHERE notified_at IS NULL
                     GROUP BY participant_id HAVING min(created_at) <= now() - make_interval(secs => $1) ORDER BY min(created_at) LIMIT $2)
            ORDER BY n.created_at, n.id FOR UPDATE SKIP LOCKED`,
          [this.config.meetingRequestDigestSeconds, DIGEST_CHUNK],
        );
        const byParticipant = new Map<string, typeof notices>();
        for (const n of notices) byParticipant.set(n.participant_id, [...(byParticipant.get(n.participant_id) ?? []), n]);
        for (const [participantId, mine] of byParticipant) await this.writeDigest(tx, participantId, mine);
        if (notices.length > 0) {
          await tx.manager.query(`UPDATE meeting_request_notices SET notified_at = now() WHERE id = ANY($1::uuid[])`, [notices.map((n) => n.id)]);
        }
        return { claimed: byParticipant.size, sent: byParticipant.size };
      });
      written += sent;
      if (claimed < DIGEST_CHUNK) return written;
    }
  }

  private async writeDigest(
    tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0],
    participantId: string,
    notices: Array<{ request_id: string; event: NoticeEvent }>,
  ): Promise<void> {
    const [me]: Array<{ email: string; locale: 'ko' | 'en'; contact_name: string; edition_id: string }> = await tx.manager.query(
      `SELECT email, locale, contact_name, edition_id FROM meeting_participants WHERE id = $1`,
      [participantId],
    );
    if (!me) return;
    const counterparts: Array<{ request_id: string; company_name: string; country: string }> = await tx.manager.query(
      `SELECT r.id AS request_id, o.company_name, o.country FROM meeting_requests r
         JOIN meeting_participants o ON o.id = CASE WHEN r.buyer_id = $1 THEN r.exhibitor_id ELSE r.buyer_id END
        WHERE r.id = ANY($2::uuid[])`,
      [participantId, [...new Set(notices.map((n) => n.request_id))]],
    );
    const other = new Map(counterparts.map((c) => [c.request_id, c]));
    const edition = await this.fairs.getEditionById(me.edition_id);
    const params: RequestDigestParams = {
      contactName: me.contact_name,
      editionNameKo: editionName(edition, 'ko'),
      editionNameEn: editionName(edition, 'en'),
      items: notices.flatMap((n) => {
        const o = other.get(n.request_id);
        return o ? [{ event: n.event, counterpart: o.company_name, counterpartCountry: o.country }] : [];
      }),
    };
    if (params.items.length === 0) return;
    await this.outbox.send(tx, requestDigestMail, { recipient: me.email, locale: me.locale, params, scopeId: me.edition_id });
  }

  private async record(manager: EntityManager, requestId: string, notices: Array<[string, NoticeEvent]>): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_request_notices (request_id, participant_id, event)
       SELECT $1, p, e FROM unnest($2::uuid[], $3::text[]) AS t(p, e)
       ON CONFLICT ON CONSTRAINT meeting_request_notices_once_key DO NOTHING`,
      [requestId, notices.map((n) => n[0]), notices.map((n) => n[1])],
    );
  }
}
