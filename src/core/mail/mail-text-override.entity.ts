import { Check, Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/**
 * An organizer's words for one email kind in one language, for one scope (an edition): the subject
 * and the body as written, placeholders unexpanded. One row per scope × kind × language (the unique
 * key); no row means the template's own words. Rendered by renderMail (core/mail/mail-text.ts).
 */
@Entity('mail_text_overrides')
@Unique('mail_text_overrides_scope_kind_locale_key', ['scopeId', 'kind', 'locale'])
@Check('mail_text_overrides_locale_check', `locale IN ('ko','en')`)
@Check('mail_text_overrides_subject_check', `char_length(subject) BETWEEN 1 AND 200`)
@Check('mail_text_overrides_body_check', `char_length(body) BETWEEN 1 AND 10000`)
export class MailTextOverride {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The edition (core names no business table: a plain uuid, like outbox_messages.scope_id). */
  @Column({ type: 'uuid' })
  scopeId: string;

  /** The kind's key, e.g. `exhibitor.application-status.approved`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  updatedByAccountId: string | null;

  @Column({ type: 'text', nullable: true })
  updatedByEmail: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
