import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { isMailAddress } from '../../../core/mail/email-address';
import type { Lang } from '../../../core/web/i18n';
import { EMAIL_TAKEN, type Decision, type OptInRefusal, type OptOutRefusal } from '../domain/exhibitor-opt-in';
import { LANGUAGES } from '../domain/world-names';
import { PRIORITIES, type Priority } from '../entities/meeting-request.entity';
import type { OptInInput } from '../exhibitor-opt-in.service';
import type { ParticipantT } from './participant-page.messages';
import type { ParticipantPageModel } from './participant-page.view';
import { refusalText } from './participant-page.view';
import type { ExhibitorMeetingsKey, ExhibitorMeetingsT } from './exhibitor-meetings-page.messages';

/*
 * The decisions of the exhibitor's export-meetings pages, pure and unit-tested: the form's values,
 * its checks and messages, what each edition's standing reads as, and a refusal in the page's words
 * (never the service's English).
 */

export const EXHIBITOR_MEETINGS_PAGE = '/exhibitor/meetings';
export const exhibitorMeetingsUrl = (lang: Lang, extra = ''): string => `${EXHIBITOR_MEETINGS_PAGE}?lang=${lang}${extra}`;
export const editionMeetingsUrl = (code: string, lang: Lang, extra = ''): string => `${EXHIBITOR_MEETINGS_PAGE}/${encodeURIComponent(code)}?lang=${lang}${extra}`;
export const editionActionUrl = (code: string, path: string, lang: Lang): string => `${EXHIBITOR_MEETINGS_PAGE}/${encodeURIComponent(code)}/${path}?lang=${lang}`;

const asList = ({ value }: { value: unknown }): unknown => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** The opt-in form as posted: lenient strings (the global pipe forbids unknown fields); parseOptIn holds the rules. */
export class OptInForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(1000) contactName?: string;
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) languages?: string[];
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) interests?: string[];
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) days?: string[];
  @IsOptional() @IsString() @MaxLength(10) locale?: string;
}

/** A form that carries only the CSRF token (opt out, accept, decline). */
export class CsrfOnlyForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
}

export class ExhibitorRequestForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsUUID() counterpart: string;
  @IsIn(PRIORITIES) priority: Priority;
}

export const OPT_IN_FIELDS = ['contactName', 'email', 'languages', 'interests', 'days', 'locale'] as const;
export type OptInField = (typeof OPT_IN_FIELDS)[number];
export type OptInErrors = Partial<Record<OptInField, string>>;

export interface OptInValues {
  contactName: string;
  email: string;
  languages: string[];
  interests: string[];
  days: string[];
  locale: Lang;
}

export interface OptInChoices {
  categories: Array<{ code: string; nameKo: string; nameEn: string }>;
  /** The meeting days (YYYY-MM-DD), in order. */
  days: string[];
}

const text = (v: string | undefined): string => (typeof v === 'string' ? v : '');

/** The form as typed, to show again. */
export function optInValues(form: OptInForm, lang: Lang): OptInValues {
  return {
    contactName: text(form.contactName),
    email: text(form.email).trim(),
    languages: form.languages ?? [],
    interests: form.interests ?? [],
    days: form.days ?? [],
    locale: form.locale === 'ko' || form.locale === 'en' ? form.locale : lang,
  };
}

/** A fresh form starts from the application: its contact, its product categories (those the fair offers), every meeting day, Korean. */
export function defaultValues(
  application: { contactName: string; contactEmail: string; categories: string[]; locale: string } | undefined,
  choices: OptInChoices,
  lang: Lang,
): OptInValues {
  const offered = new Set(choices.categories.map((c) => c.code));
  return {
    contactName: application?.contactName ?? '',
    email: application?.contactEmail ?? '',
    languages: ['ko'],
    interests: (application?.categories ?? []).filter((c) => offered.has(c)),
    days: [...choices.days],
    locale: application?.locale === 'en' || application?.locale === 'ko' ? application.locale : lang,
  };
}

const LABEL: Record<OptInField, ExhibitorMeetingsKey> = {
  contactName: 'contactName', email: 'email', languages: 'languages', interests: 'interests', days: 'days', locale: 'locale',
};
const LANGUAGE_CODES = new Set(LANGUAGES.map((l) => l.code));

/** Checks the values against the rules and the edition's choices: the service's input, or one message per wrong field. */
export function parseOptIn(v: OptInValues, choices: OptInChoices, t: ExhibitorMeetingsT): { input: OptInInput; errors?: undefined } | { input?: undefined; errors: OptInErrors } {
  const errors: OptInErrors = {};
  const label = (f: OptInField): string => t(LABEL[f]);
  const name = v.contactName.trim();
  if (!name) errors.contactName = t('errRequired', { field: label('contactName') });
  else if (/[\r\n\u2028\u2029]/.test(name)) errors.contactName = t('errSingleLine', { field: label('contactName') });
  else if (name.length > 100) errors.contactName = t('errTooLong', { field: label('contactName'), max: 100 });
  if (!v.email) errors.email = t('errRequired', { field: label('email') });
  else if (v.email.length > 254 || !isMailAddress(v.email)) errors.email = t('errEmail');
  const check = (field: 'languages' | 'interests' | 'days', known: (x: string) => boolean, max: number): void => {
    const list = v[field];
    if (list.length === 0) errors[field] = t('errChoose', { field: label(field) });
    else if (list.some((x) => !known(x)) || new Set(list).size !== list.length || list.length > max) errors[field] = t('errUnknownChoice', { field: label(field) });
  };
  check('languages', (x) => LANGUAGE_CODES.has(x), 10);
  const categories = new Set(choices.categories.map((c) => c.code));
  check('interests', (x) => categories.has(x), 20);
  check('days', (x) => choices.days.includes(x), 50);
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { contactName: name, email: v.email, languages: v.languages, interests: v.interests, days: v.days, locale: v.locale } };
}

/** Field errors the service answered (an email already taking part), as the page's messages. */
export function serviceFieldErrors(errors: Array<{ field: string; messages: string[] }>, t: ExhibitorMeetingsT): OptInErrors {
  const out: OptInErrors = {};
  for (const e of errors) {
    if (e.field === 'email' && e.messages.includes(EMAIL_TAKEN)) out.email = t('errEmailTaken');
    else if ((OPT_IN_FIELDS as readonly string[]).includes(e.field)) out[e.field as OptInField] ??= t('errUnknownChoice', { field: t(LABEL[e.field as OptInField]) });
  }
  return out;
}

/** The form's fields in page order with their element ids, for the error summary's links. */
export function errorLinks(errors: OptInErrors): Array<{ href: string; text: string }> {
  return OPT_IN_FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, text: errors[f]! }));
}

export type EditionState = 'joined' | 'open' | 'closed';

/** What an edition's standing reads as in the list: taking part, open to join, or closed (with the reason). */
export function editionState(joined: boolean, optIn: Decision<OptInRefusal>): EditionState {
  if (joined) return 'joined';
  return optIn.may ? 'open' : 'closed';
}

/** Why the company may not join or leave, in the page's words (the application's status named, not coded). */
export function reasonText(reason: OptInRefusal | OptOutRefusal, applicationStatus: string | undefined, t: ExhibitorMeetingsT): string {
  if (reason === 'notApproved') return t('reason_notApproved', { status: applicationStatusWord(applicationStatus, t) });
  return t(`reason_${reason}`);
}

const APP_STATUSES = ['draft', 'submitted', 'under_review', 'changes_requested', 'approved', 'waitlisted', 'rejected', 'cancelled'];

export function applicationStatusWord(status: string | undefined, t: ExhibitorMeetingsT): string {
  return status && APP_STATUSES.includes(status) ? t(`app_${status}` as ExhibitorMeetingsKey) : '-';
}

const OPT_REASONS = ['noApplication', 'notApproved', 'noMeetings', 'alreadyIn', 'published', 'notIn'];

/**
 * A refusal in the page's words: the opt-in's reason, an expired form, a page not found, else (an
 * action on a request) the participant page's words.
 */
export function refusal(
  body: { statusCode: number; code?: string; reason?: unknown; errorId?: string; requestId?: string; [k: string]: unknown },
  t: ExhibitorMeetingsT,
  pt: ParticipantT,
  opts: { action: boolean },
): string {
  if (body.statusCode >= 500) return t('errOther', { id: body.errorId ?? body.requestId ?? '-' });
  if (typeof body.reason === 'string' && OPT_REASONS.includes(body.reason)) return reasonText(body.reason as OptInRefusal, typeof body.applicationStatus === 'string' ? body.applicationStatus : undefined, t);
  if (body.statusCode === 403 && body.reason === 'csrf') return t('errExpired');
  if (body.statusCode === 403) return t('errNoCompany');
  if (body.statusCode === 404 && !opts.action) return t('errNotFound');
  return refusalText(body, pt);
}

const FLASHES = { joined: 'flashJoined', left: 'flashLeft' } as const;
const REQUEST_FLASHES = { requested: 'flashRequested', accepted: 'flashAccepted', declined: 'flashDeclined' } as const;
export type ExhibitorFlash = keyof typeof FLASHES | keyof typeof REQUEST_FLASHES;

/** The notice a ?done= value asks for; nothing for any other value (a crafted link cannot put words on the page). */
export function flashText(done: unknown, t: ExhibitorMeetingsT, pt: ParticipantT): string | undefined {
  if (typeof done !== 'string') return undefined;
  if (Object.hasOwn(FLASHES, done)) return t(FLASHES[done as keyof typeof FLASHES]);
  if (Object.hasOwn(REQUEST_FLASHES, done)) return pt(REQUEST_FLASHES[done as keyof typeof REQUEST_FLASHES]);
  return undefined;
}

// ---------------------------------------------------------------- the models the pages show

export interface ListEntry {
  code: string;
  name: { ko: string; en: string };
  state: EditionState;
  /** Why not, when closed. */
  reason?: OptInRefusal;
  applicationStatus?: string;
}

export interface EditionPageModel {
  code: string;
  name: { ko: string; en: string };
  company: string;
  applicationStatus?: string;
  optIn: Decision<OptInRefusal>;
  optOut: Decision<OptOutRefusal>;
  choices: OptInChoices;
  defaults: OptInValues;
  /** When the company takes part: its details and the participant page's model (suggestions and requests). */
  joined?: { token: string; contactName: string; email: string; languages: string[]; interests: string[]; days: string[]; page: ParticipantPageModel };
}
