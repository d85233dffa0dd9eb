import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TtlCache } from '../cache/ttl-cache';
import type { MailText } from './mail-text';
import { MailTextOverride } from './mail-text-override.entity';

/** How long a process reuses an edition's text: another process sees a save within this time. */
const TEXT_TTL_MS = 30_000;

export interface MailTextKey {
  scopeId: string;
  kind: string;
  locale: string;
}

/**
 * The edited email texts (mail_text_overrides): the mail worker reads them per message through a
 * short per-process cache; the console writes them in the organizer's transaction. Saving or
 * resetting forgets the entry in this process only — other processes (the workers) keep their
 * cached copy for up to TEXT_TTL_MS (30 s), so a save applies to their mails within that time.
 */
@Injectable()
export class MailTextStore {
  private readonly cache = new TtlCache<string, MailText | null>(TEXT_TTL_MS, 5_000);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The edited text for this message's edition, kind and language, if any (cached). The mail worker
   * passes the manager of its delivery transaction: a second pool connection per delivery starves
   * the pool when many mails go out at once (the read times out and the mail would fail).
   */
  textFor(key: MailTextKey, manager: EntityManager = this.dataSource.manager): Promise<MailText | null> {
    return this.cache.getOrLoad(cacheKey(key), async () => {
      const row = await this.find(manager, key);
      return row ? { subject: row.subject, body: row.body } : null;
    });
  }

  find(manager: EntityManager, key: MailTextKey): Promise<MailTextOverride | null> {
    return manager.getRepository(MailTextOverride).findOneBy({ scopeId: key.scopeId, kind: key.kind, locale: key.locale });
  }

  /** The edition's edited texts (every kind and language), for the list of kinds. */
  listForScope(manager: EntityManager, scopeId: string): Promise<MailTextOverride[]> {
    return manager.getRepository(MailTextOverride).find({ where: { scopeId }, order: { kind: 'ASC', locale: 'ASC' } });
  }

  /** Writes the text (insert or replace, by the unique key) and forgets this process's cached copy once committed. */
  async save(manager: EntityManager, key: MailTextKey, text: MailText, by: { accountId: string; email: string }): Promise<MailTextOverride> {
    const rows: MailTextOverride[] = await manager.query(
      `INSERT INTO mail_text_overrides (scope_id, kind, locale, subject, body, updated_by_account_id, updated_by_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT mail_text_overrides_scope_kind_locale_key
       DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by_account_id = EXCLUDED.updated_by_account_id,
                     updated_by_email = EXCLUDED.updated_by_email, updated_at = now()
       RETURNING id, updated_at AS "updatedAt"`,
      [key.scopeId, key.kind, key.locale, text.subject, text.body, by.accountId, by.email],
    );
    this.forget(key);
    return Object.assign(new MailTextOverride(), { ...key, ...text, id: rows[0].id, updatedAt: rows[0].updatedAt, updatedByAccountId: by.accountId, updatedByEmail: by.email });
  }

  /** Deletes the text (the template's own words apply again); true when there was one. */
  async remove(manager: EntityManager, key: MailTextKey): Promise<boolean> {
    const result = await manager.getRepository(MailTextOverride).delete({ scopeId: key.scopeId, kind: key.kind, locale: key.locale });
    this.forget(key);
    return (result.affected ?? 0) > 0;
  }

  /** Called by save/remove; the caller forgets again after commit (a read between could have cached the old row). */
  forget(key: MailTextKey): void {
    this.cache.forget(cacheKey(key));
  }
}

function cacheKey(key: MailTextKey): string {
  return `${key.scopeId}\u0000${key.kind}\u0000${key.locale}`;
}
