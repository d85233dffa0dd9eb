import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, isISO31661Alpha2, MaxLength } from 'class-validator';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { isMailAddress } from '../../../core/mail/email-address';
import { isLang, type Lang } from '../../../core/web/i18n';
import { newFormKey } from '../../../core/web/public-form';
import type { RegisterAttendeeDto } from '../dto/attendee.dto';
import { ATTENDEE_KINDS, type AttendeeKind } from '../entities/attendee.entity';
import type { VisitKey } from './visit-page.messages';

/*
 * The registration form's decisions, pure: what was typed (kept as typed), what is wrong with it
 * (a message key per field, in the page's language), the DTO the API takes, and what a refusal
 * of the service means on the page.
 */

/** The form as posted: every field optional text, so a bad value comes back next to its field, never as a 400 page. */
export class VisitForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(100) formKey?: string;
  @IsOptional() @IsString() @MaxLength(1000) name?: string;
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @IsOptional() @IsString() @MaxLength(1000) company?: string;
  @IsOptional() @IsString() @MaxLength(100) country?: string;
  @IsOptional() @IsString() @MaxLength(40) kind?: string;
  @IsOptional() @Transform(({ value }: { value: unknown }): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]))
  @IsArray() @ArrayMaxSize(40) @IsString({ each: true }) @MaxLength(20, { each: true }) days?: string[];
  @IsOptional() @IsString() @MaxLength(10) language?: string;
  @IsOptional() @IsString() @MaxLength(10) consentMessages?: string;
  @IsOptional() @IsString() @MaxLength(10) consentShareContact?: string;
}

export type VisitField = 'name' | 'email' | 'company' | 'country' | 'kind' | 'days' | 'language';
export const VISIT_FIELDS: readonly VisitField[] = ['name', 'email', 'company', 'country', 'kind', 'days', 'language'];
export type VisitErrors = Partial<Record<VisitField, VisitKey>>;

export interface VisitValues {
  formKey: string;
  name: string;
  email: string;
  company: string;
  country: string;
  kind: string;
  days: string[];
  language: string;
  consentMessages: boolean;
  consentShareContact: boolean;
}


export function emptyVisit(lang: Lang, formKey: string = newFormKey()): VisitValues {
  return { formKey, name: '', email: '', company: '', country: lang === 'ko' ? 'KR' : '', kind: '', days: [], language: lang, consentMessages: false, consentShareContact: false };
}

const text = (v: string | undefined): string => (v ?? '').trim();

/** What was typed, trimmed, kept for the form shown again. */
export function visitValues(form: VisitForm, lang: Lang): VisitValues {
  return {
    formKey: text(form.formKey) || newFormKey(),
    name: text(form.name),
    email: text(form.email),
    company: text(form.company),
    country: text(form.country).toUpperCase(),
    kind: text(form.kind),
    days: [...new Set((form.days ?? []).map((d) => d.trim()).filter(Boolean))],
    language: text(form.language) || lang,
    consentMessages: form.consentMessages === 'true' || form.consentMessages === 'on',
    consentShareContact: form.consentShareContact === 'true' || form.consentShareContact === 'on',
  };
}

const SINGLE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;

/**
 * The checks of RegisterAttendeeDto: a message key per wrong field, or the DTO. With the edition's
 * days, a day outside them is wrong too (without, the service says so and visitRefusal maps it).
 */
export function parseVisit(v: VisitValues, editionDays?: readonly string[]): { ok: true; dto: RegisterAttendeeDto } | { ok: false; errors: VisitErrors } {
  const errors: VisitErrors = {};
  if (!v.name) errors.name = 'errNameMissing';
  else if (v.name.length > 120) errors.name = 'errNameLong';
  else if (!SINGLE_LINE.test(v.name)) errors.name = 'errSingleLine';
  if (!v.email) errors.email = 'errEmailMissing';
  else if (v.email.length > 254 || !isMailAddress(v.email)) errors.email = 'errEmail';
  if (v.company.length > 200) errors.company = 'errCompanyLong';
  else if (!SINGLE_LINE.test(v.company)) errors.company = 'errSingleLine';
  if (!isISO31661Alpha2(v.country)) errors.country = 'errCountry';
  if (!(ATTENDEE_KINDS as readonly string[]).includes(v.kind)) errors.kind = 'errKind';
  if (v.days.length === 0) errors.days = 'errDaysMissing';
  else if (v.days.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (editionDays !== undefined && !editionDays.includes(d)))) errors.days = 'errDays';
  if (!isLang(v.language)) errors.language = 'errLanguage';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    dto: {
      name: v.name, email: v.email, ...(v.company ? { company: v.company } : {}), country: v.country, kind: v.kind as AttendeeKind,
      days: [...v.days].sort(), language: v.language as Lang, consentMessages: v.consentMessages, consentShareContact: v.consentShareContact,
    },
  };
}

/** The errors of a fuller check with those already found (which win: they came from the service). */
export function mergeErrors(checked: ReturnType<typeof parseVisit>, found: VisitErrors): VisitErrors {
  return checked.ok ? found : { ...checked.errors, ...found };
}

/** A refusal of the service as the page shows it: field errors, a message on top, the closed page — or not the form's business (undefined). */
export type VisitRefusal = { kind: 'form'; errors: VisitErrors; message?: VisitKey; status: number } | { kind: 'closed' };

export function visitRefusal(error: unknown): VisitRefusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.code === ErrorCode.EditionNotOpen) return { kind: 'closed' };
  if (error.code === ErrorCode.ValidationFailed) {
    const errors: VisitErrors = {};
    for (const e of error.details.errors ?? []) {
      const field = VISIT_FIELDS.find((f) => f === e.field);
      if (field) errors[field] = field === 'days' ? 'errDays' : 'errInvalid';
    }
    return { kind: 'form', errors, status: 400, ...(Object.keys(errors).length === 0 ? { message: 'errInvalid' as const } : {}) };
  }
  if (error.code === ErrorCode.IdempotencyKeyReused) return { kind: 'form', errors: {}, message: 'errAlreadySent', status: 422 };
  if (error.code === ErrorCode.IdempotencyKeyInProgress) return { kind: 'form', errors: {}, message: 'errInProgress', status: 409 };
  return undefined;
}

/** The error page of the registration area for a status the filter got. */
export function visitErrorPage(status: number, reason: unknown): { title: VisitKey; text: VisitKey } {
  if (status === 404) return { title: 'notFoundTitle', text: 'notFoundText' };
  if (status === 429) return { title: 'tooManyTitle', text: 'tooManyText' };
  if (status === 403 && reason === 'csrf') return { title: 'expiredTitle', text: 'expiredText' };
  return { title: 'errorTitle', text: 'errorText' };
}
