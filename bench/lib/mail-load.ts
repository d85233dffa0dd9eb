/**
 * What bench:mail and bench:edition share: the itinerary email's params, the SMTP sink child
 * (smtp-sink-child.ts: counts messages and their Message-IDs), a bulk send written as
 * MailBatchService writes one, and waiting for a condition.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Client } from 'pg';
import { agendaMail, type AgendaMailParams } from '../../src/modules/meetings/mail/agenda.mail';

const SINK_JS = path.resolve(__dirname, 'smtp-sink-child.js');

/** An attendee's itinerary: three meetings, one of them new (its calendar invitation goes along). */
export function itinerary(i: number): AgendaMailParams {
  const day = Date.UTC(2027, 6, 8, 1, 0); // 10:00 KST
  const meeting = (k: number, changed: boolean): AgendaMailParams['meetings'][number] => ({
    uid: `bench-${i}-${k}`,
    sequence: 0,
    start: new Date(day + k * 30 * 60_000).toISOString(),
    end: new Date(day + (k * 30 + 25) * 60_000).toISOString(),
    counterpartCompany: `Counterpart ${(i * 7 + k) % 997} Co., Ltd.`,
    counterpartCountry: ['VN', 'JP', 'DE', 'US'][k % 4],
    table: `T${String((i + k) % 60).padStart(2, '0')}`,
    interpreter: k % 2 ? '김하은' : null,
    status: 'confirmed',
    changed,
  });
  return {
    participantName: `참가자 ${i}`,
    participantEmail: `attendee-${i}@bench.example`,
    companyName: `Attendee Company ${i}`,
    editionNameKo: '2027 국제그린카전시회',
    editionNameEn: '2027 International Green Car Industry Fair',
    organizerEmail: 'organizer@fairgate.bench',
    update: false,
    meetings: [meeting(0, true), meeting(1, false), meeting(2, false)],
  };
}

// ---------------------------------------------------------------- processes

export interface SinkCount {
  count: number;
  bytes: number;
  /** Distinct Message-IDs received, repeats of one already received, messages without one. */
  distinctIds: number;
  duplicateIds: number;
  missingIds: number;
}

export interface SinkHandle {
  child: ChildProcess;
  port: number;
  ask(message: 'count' | 'reset'): Promise<SinkCount>;
}

export async function startSink(): Promise<SinkHandle> {
  const child = fork(SINK_JS, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  const ask = (message: 'count' | 'reset'): Promise<SinkCount> =>
    new Promise((resolve) => {
      child.once('message', (m: SinkCount) => resolve(m));
      child.send(message);
    });
  return { child, port, ask };
}

export async function waitFor<T>(read: () => Promise<T>, accept: (v: T) => boolean, timeoutMs: number, what: string, pollMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * Commits one bulk send of `list` (a mail_batches row and its outbox rows, in multi-row inserts of
 * 1,000: the statements of MailBatchService.create); answers the batch id.
 */
export async function insertBulkSend(db: Client, list: AgendaMailParams[]): Promise<string> {
  await db.query('BEGIN');
  const batch = (await db.query<{ id: string }>(`INSERT INTO mail_batches (template, label, total) VALUES ($1, $2, $3) RETURNING id`, [agendaMail.name, 'bench', list.length])).rows[0].id;
  for (let start = 0; start < list.length; start += 1000) {
    const chunk = list.slice(start, start + 1000);
    await db.query(
      `INSERT INTO outbox_messages (template, recipient, locale, params, batch_id)
       SELECT $1, r.recipient, r.locale, r.params, $2 FROM unnest($3::text[], $4::text[], $5::jsonb[]) AS r(recipient, locale, params)`,
      [agendaMail.name, batch, chunk.map((p) => p.participantEmail), chunk.map((_, k) => ((start + k) % 2 ? 'en' : 'ko')), chunk.map((p) => JSON.stringify(p))],
    );
  }
  await db.query('COMMIT');
  return batch;
}
