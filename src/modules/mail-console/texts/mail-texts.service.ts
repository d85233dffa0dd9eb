import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, changedFields } from '../../../core/audit/audit-trail';
import type { Principal } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { TransactionRunner } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode, type FieldError } from '../../../core/errors/domain-error';
import { renderMail, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { MailTemplateRegistry } from '../../../core/mail/mail-template.registry';
import { checkMailText, describeMailTextProblem, type MailPlaceholder, type MailText, type MailTextKind } from '../../../core/mail/mail-text';
import type { MailTextOverride } from '../../../core/mail/mail-text-override.entity';
import { MailTextStore } from '../../../core/mail/mail-text.store';
import { FairsDirectory, type EditionListRow } from '../../fairs/fairs-directory';

export const MAIL_TEXT_LOCALES: readonly MailLocale[] = ['ko', 'en'];

/** An editable email kind with the template that sends it. */
interface KindEntry {
  template: MailTemplate<unknown>;
  kind: MailTextKind;
}

/** One kind of an edition in the list: which languages have an edited text. */
export interface MailTextKindSummary {
  key: string;
  template: string;
  label: Record<MailLocale, string>;
  trigger: Record<MailLocale, string>;
  edited: Record<MailLocale, { updatedAt: string; updatedBy: string | null } | null>;
}

export interface MailTextPlaceholderView extends MailPlaceholder {
  /** Its value in the preview (from the template's sample params). */
  sample: string;
}

/** One kind in one language of an edition: the text in force, the code's default, the placeholders. */
export interface MailTextDetail {
  edition: string;
  key: string;
  template: string;
  locale: MailLocale;
  label: Record<MailLocale, string>;
  trigger: Record<MailLocale, string>;
  subject: string;
  body: string;
  /** True when the edition has no text of its own: the template's words apply. */
  isDefault: boolean;
  default: MailText;
  placeholders: MailTextPlaceholderView[];
  updatedAt: string | null;
  updatedBy: string | null;
}

/** A text rendered with the template's sample data exactly as the worker would send it. */
export interface MailTextPreview {
  subject: string;
  html: string;
  text: string;
}

/**
 * Organizers' words for the emails of one edition: list the editable kinds, read one (or its
 * default), save (checked: known placeholders only, the required ones kept), reset, preview with the
 * template's sample data. Saves and resets are audited in their transaction.
 */
@Injectable()
export class MailTextsService {
  constructor(
    private readonly templates: MailTemplateRegistry,
    private readonly store: MailTextStore,
    private readonly fairs: FairsDirectory,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Every editable kind, in the registry's order. */
  kinds(): KindEntry[] {
    return this.templates.names().flatMap((name) => {
      const template = this.templates.get(name) as MailTemplate<unknown>;
      return (template.editable?.kinds ?? []).map((kind) => ({ template, kind }));
    });
  }

  async edition(code: string): Promise<EditionListRow> {
    const edition = await this.fairs.edition(code);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No edition ${code}.`);
    return edition;
  }

  async list(code: string): Promise<{ edition: EditionListRow; kinds: MailTextKindSummary[] }> {
    const edition = await this.edition(code);
    const rows = await this.store.listForScope(this.dataSource.manager, edition.id);
    const kinds = this.kinds().map(({ template, kind }) => {
      const edited = (locale: MailLocale): MailTextKindSummary['edited'][MailLocale] => {
        const row = rows.find((r) => r.kind === kind.key && r.locale === locale);
        return row ? { updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedByEmail } : null;
      };
      return { key: kind.key, template: template.name, label: kind.label, trigger: kind.trigger, edited: { ko: edited('ko'), en: edited('en') } };
    });
    return { edition, kinds };
  }

  async get(code: string, key: string, locale: MailLocale): Promise<MailTextDetail> {
    const edition = await this.edition(code);
    const entry = this.entry(key);
    const row = await this.store.find(this.dataSource.manager, { scopeId: edition.id, kind: key, locale });
    return this.detail(edition, entry, locale, row);
  }

  /** Refusals as field errors in the text's language (a Korean text gets Korean messages). */
  check(key: string, locale: MailLocale, text: MailText): FieldError[] {
    const entry = this.entry(key);
    const problems = checkMailText(text, entry.template.editable!.placeholders);
    const fields = [...new Set(problems.map((p) => p.field))];
    return fields.map((field) => ({ field, messages: problems.filter((p) => p.field === field).map((p) => describeMailTextProblem(p, locale)) }));
  }

  async save(principal: Principal, code: string, key: string, locale: MailLocale, text: MailText): Promise<MailTextDetail> {
    const edition = await this.edition(code);
    const entry = this.entry(key);
    const errors = this.check(key, locale, text);
    if (errors.length > 0) throw DomainError.validation(errors);
    const scope = { scopeId: edition.id, kind: key, locale };
    const saved = await this.tx.run(async (tx) => {
      const before = await this.store.find(tx.manager, scope);
      const row = await this.store.save(tx.manager, scope, text, { accountId: principal.accountId, email: principal.email });
      const change = changedFields(before ? { subject: before.subject, body: before.body } : { subject: null, body: null }, { subject: text.subject, body: text.body });
      await this.audit.record(tx.manager, {
        actor: { accountId: principal.accountId, email: principal.email }, scopeId: edition.id, action: 'mail-text.save',
        subjectType: 'mail-text', subjectId: `${key}/${locale}`, ...change,
      });
      tx.afterCommit(() => this.store.forget(scope));
      return row;
    });
    return this.detail(edition, entry, locale, saved);
  }

  /** Back to the template's own words; resetting a kind without a text of its own changes nothing. */
  async reset(principal: Principal, code: string, key: string, locale: MailLocale): Promise<MailTextDetail> {
    const edition = await this.edition(code);
    const entry = this.entry(key);
    const scope = { scopeId: edition.id, kind: key, locale };
    await this.tx.run(async (tx) => {
      const before = await this.store.find(tx.manager, scope);
      if (!before) return;
      await this.store.remove(tx.manager, scope);
      await this.audit.record(tx.manager, {
        actor: { accountId: principal.accountId, email: principal.email }, scopeId: edition.id, action: 'mail-text.reset',
        subjectType: 'mail-text', subjectId: `${key}/${locale}`, before: { subject: before.subject, body: before.body }, after: { subject: null, body: null },
      });
      tx.afterCommit(() => this.store.forget(scope));
    });
    return this.detail(edition, entry, locale, null);
  }

  /** The kind rendered with the sample data and this text (checked first: a text that cannot be saved is not previewed). */
  preview(key: string, locale: MailLocale, text: MailText): MailTextPreview {
    const entry = this.entry(key);
    const errors = this.check(key, locale, text);
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.render(entry, locale, text);
  }

  /** The sample rendering, for the page (the text as it stands, or the default). */
  render(entry: KindEntry, locale: MailLocale, text: MailText): MailTextPreview {
    const mail = renderMail(entry.template, this.sampleFor(entry), locale, { publicUrl: this.config.publicUrl }, text);
    return { subject: mail.subject, html: mail.html, text: mail.text };
  }

  entry(key: string): KindEntry {
    const entry = this.kinds().find((e) => e.kind.key === key);
    if (!entry) throw new DomainError(ErrorCode.NotFound, `No editable email ${key}.`);
    return entry;
  }

  /** The template's sample params, steered into this kind (e.g. the approval case of the status mail). */
  private sampleFor(entry: KindEntry): unknown {
    const editable = entry.template.editable!;
    return editable.sampleFor?.(entry.kind.key) ?? editable.sample;
  }

  private detail(edition: EditionListRow, entry: KindEntry, locale: MailLocale, row: MailTextOverride | null): MailTextDetail {
    const editable = entry.template.editable!;
    const samples = editable.values(this.sampleFor(entry), locale, { publicUrl: this.config.publicUrl });
    const fallback = entry.kind.defaults[locale];
    return {
      edition: edition.code,
      key: entry.kind.key,
      template: entry.template.name,
      locale,
      label: entry.kind.label,
      trigger: entry.kind.trigger,
      subject: row?.subject ?? fallback.subject,
      body: row?.body ?? fallback.body,
      isDefault: row === null,
      default: fallback,
      placeholders: editable.placeholders.map((p) => ({ ...p, sample: samples[p.name] ?? '' })),
      updatedAt: row ? row.updatedAt.toISOString() : null,
      updatedBy: row?.updatedByEmail ?? null,
    };
  }
}
