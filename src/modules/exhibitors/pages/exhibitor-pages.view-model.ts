import type { Principal } from '../../../core/auth/principal';
import type { ErrorBody } from '../../../core/errors/error-body';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import type { Lang } from '../../../core/web/i18n';
import { editionName } from '../../fairs/domain/edition-name';
import type { ApplicationResponse } from '../dto/application.dto';
import type { ExhibitionResponse } from '../dto/booth.dto';
import type { ApplicationStatus } from '../entities/exhibitor-application.entity';
import type { UploadKind } from '../entities/exhibitor-upload.entity';
import { mapFieldErrors, type ApplicationField, type ApplicationValues, type FieldErrors, type SignUpField } from './exhibitor-pages.forms';
import type { ExhibitorMessageKey, ExhibitorT } from './messages';

/*
 * The decisions of the exhibitor pages, as pure functions: which message, which status, which
 * errors, what the dashboard lists, what an application's page offers. The page services call
 * them; the views only draw what they decide.
 */

/** A series' names, as the fairs' list and an edition carry them. */
export interface SeriesNames {
  nameKo: string;
  nameEn: string;
}

/** The edition as people name it ("2027 뿌리산업전" / "2027 Ppuri Industry Expo"): the fairs area's one rule. */
export function editionTitle(edition: { year: number; series?: SeriesNames | null }, lang: Lang): string {
  return editionName({ year: edition.year, series: edition.series ?? undefined }, lang);
}

// ---------------------------------------------------------------- dashboard

export interface DashboardFair extends SeriesNames {
  editions: Array<{ code: string; year: number; status: string }>;
}

/** The dashboard's lists: every edition's name by code, and the open editions the company has not applied to. */
export function dashboardEditions(
  fairs: DashboardFair[], applications: Array<Pick<ApplicationResponse, 'edition'>>, lang: Lang,
): { editionNames: Record<string, string>; openEditions: Array<{ code: string; name: string }> } {
  const applied = new Set(applications.map((a) => a.edition));
  const editionNames: Record<string, string> = {};
  const openEditions: Array<{ code: string; name: string }> = [];
  for (const f of fairs) {
    for (const e of f.editions) {
      const name = editionTitle({ year: e.year, series: f }, lang);
      editionNames[e.code] = name;
      if (e.status === 'registration_open' && !applied.has(e.code)) openEditions.push({ code: e.code, name });
    }
  }
  return { editionNames, openEditions };
}

// ---------------------------------------------------------------- the application page

/** Statuses whose files are frozen: nothing to upload for a refused or withdrawn application. */
const FILES_CLOSED: ReadonlySet<ApplicationStatus> = new Set<ApplicationStatus>(['rejected', 'cancelled']);

export interface ApplicationPageOffer {
  /** The form is shown (the application may still be edited). */
  edit: boolean;
  cancel: boolean;
  upload: boolean;
}

/** What an application's page offers, from its status and the actions the service allows. */
export function applicationOffer(a: Pick<ApplicationResponse, 'status' | 'actions'>): ApplicationPageOffer {
  return { edit: a.actions.includes('edit'), cancel: a.actions.includes('cancel'), upload: !FILES_CLOSED.has(a.status) };
}

/** A hall's name in the page's language; the code only when the edition does not know it. */
export function hallName(halls: Array<Pick<ExhibitionResponse['halls'][number], 'code' | 'nameKo' | 'nameEn'>>, code: string | null, lang: Lang): string {
  if (!code) return '';
  const hall = halls.find((h) => h.code === code);
  if (!hall) return code;
  return lang === 'ko' ? hall.nameKo : hall.nameEn;
}

/** The form's values from a stored application. */
export function storedValues(a: ApplicationResponse): ApplicationValues {
  return {
    contactName: a.contact.name, contactEmail: a.contact.email, contactPhone: a.contact.phone,
    boothType: a.booth.type, boothCount: String(a.booth.count), hall: a.hall ?? '',
    preferredBoothKind: a.preferredBoothKind ?? '', productCategories: a.productCategories, notes: a.notes ?? '',
  };
}

/** A new application's form: the logged-in person as the contact, one shell-scheme booth. */
export function newApplicationValues(principal: Pick<Principal, 'displayName' | 'email'>): ApplicationValues {
  return {
    contactName: principal.displayName, contactEmail: principal.email, contactPhone: '', boothType: 'shell_scheme', boothCount: '1', hall: '',
    preferredBoothKind: '', productCategories: [], notes: '',
  };
}

/** The flash after a save: submitted when the application left the draft, saved otherwise. */
export function savedFlash(submitted: boolean): 'submitted' | 'saved' {
  return submitted ? 'submitted' : 'saved';
}

// ---------------------------------------------------------------- refusals, mapped to words

export interface FormRefusal<F extends string> {
  status: number;
  errors: FieldErrors<F>;
  message?: string;
}

/** Refusals about the application as a whole: one message above the form. */
const APPLICATION_REFUSALS: Partial<Record<ErrorCode, ExhibitorMessageKey>> = {
  [ErrorCode.DuplicateApplication]: 'duplicate', [ErrorCode.EditionNotOpen]: 'editionNotOpen',
  [ErrorCode.DeadlinePassed]: 'deadlinePassed', [ErrorCode.IllegalTransition]: 'notAllowed',
};

/** Why the service refused an application change, as the form shows it; undefined for what a page cannot explain. */
export function applicationRefusal(error: unknown, t: ExhibitorT): FormRefusal<ApplicationField> | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.code === ErrorCode.ValidationFailed) {
    const mapped = mapFieldErrors<ApplicationField>(error.details.errors ?? [], 'application', t);
    // A rule the form has no field for: said in the page's words, never the service's English.
    return { status: 400, errors: mapped.errors, message: mapped.other.length > 0 ? t('formErrors') : undefined };
  }
  const key = APPLICATION_REFUSALS[error.code];
  return key ? { status: error.status, errors: {}, message: t(key) } : undefined;
}

/** Why the sign-up was refused: taken address or business number next to its field. */
export function signUpRefusal(error: unknown, t: ExhibitorT): FormRefusal<SignUpField> | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.code !== ErrorCode.ValidationFailed && error.code !== ErrorCode.Conflict) return undefined;
  const taken = (path: string): string | undefined => {
    if (error.code !== ErrorCode.Conflict) return undefined;
    if (path === 'email') return t('emailTaken');
    if (path === 'company.businessRegistrationNumber' || path === 'company.identifier') return t('companyTaken');
    return undefined;
  };
  const mapped = mapFieldErrors<SignUpField>(error.details.errors ?? [], 'signUp', t, taken);
  return { status: 400, errors: mapped.errors, message: mapped.other.length > 0 ? t('formErrors') : undefined };
}

/** Why a login was refused: status, message and whether to offer the confirmation mail again. */
export function loginRefusal(error: unknown, t: ExhibitorT): { status: number; error: string; notConfirmed: boolean } | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.code === ErrorCode.Unauthenticated) return { status: 401, error: t('loginFailed'), notConfirmed: false };
  if (error.code === ErrorCode.EmailNotConfirmed) return { status: 403, error: t('notConfirmed'), notConfirmed: true };
  return undefined;
}

/**
 * The refusals an account page (confirm, reset, join, invite) knows: a used or expired link, a
 * conflict (the address or business number has an account), a refused value (the password).
 */
export type AccountRefusal = 'link-invalid' | 'conflict' | 'invalid';

export function accountRefusal(error: unknown): AccountRefusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const kinds: Partial<Record<ErrorCode, AccountRefusal>> = {
    [ErrorCode.InvalidToken]: 'link-invalid', [ErrorCode.Conflict]: 'conflict', [ErrorCode.ValidationFailed]: 'invalid',
  };
  return kinds[error.code];
}

/** Why a file was refused, next to its field. */
export function uploadRefusal(error: unknown, t: ExhibitorT): { status: number; text: string } | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const keys: Partial<Record<ErrorCode, ExhibitorMessageKey>> = {
    [ErrorCode.ValidationFailed]: 'badFile', [ErrorCode.UnsupportedMediaType]: 'badFileType',
    [ErrorCode.PayloadTooLarge]: 'fileTooLarge', [ErrorCode.IllegalTransition]: 'notAllowed',
  };
  const key = keys[error.code];
  return key ? { status: error.status, text: t(key) } : undefined;
}

// ---------------------------------------------------------------- small forms checked on the page

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address typed in a one-field form (invite, forgotten password). */
export function emailError(email: string, t: ExhibitorT, strict = true): string | undefined {
  if (!email) return t('required');
  if (email.length > 254 || !(strict ? EMAIL : /^[^\s@]+@[^\s@]+$/).test(email)) return t('badEmail');
  return undefined;
}

/** The invitation's form: a name and a password. */
export function joinErrors(displayName: string, password: string, t: ExhibitorT): { displayName?: string; password?: string } {
  const errors: { displayName?: string; password?: string } = {};
  if (!displayName) errors.displayName = t('required');
  else if (displayName.length > 100 || /[\p{Cc}]/u.test(displayName)) errors.displayName = t('badText');
  if (password.length < 10 || password.length > 200) errors.password = t('badPassword');
  return errors;
}

/** The login form's own check, before the service is asked. */
export function loginMissing(email: string, password: string, t: ExhibitorT): string | undefined {
  return email && password ? undefined : t('loginMissing');
}

// ---------------------------------------------------------------- the language switch after a post

/**
 * The page a form's answer stands for, for its language switch: a refused post is shown at the
 * post's address, which a GET may not know (the new application needs its edition, a withdrawal
 * or an upload is its application's page, an invitation the dashboard).
 */
export function pageOfPost(path: string, edition: unknown): string {
  if (path === '/exhibitor/applications/new') return `${path}?edition=${encodeURIComponent(typeof edition === 'string' ? edition : '')}`;
  const application = /^(\/exhibitor\/applications\/[0-9a-f-]{36})\/(?:withdraw|upload\/\w+)$/.exec(path);
  if (application) return application[1];
  if (path === '/exhibitor/invitations') return '/exhibitor';
  return path;
}

/** The page's address in another language. */
export function withLangParam(address: string, lang: Lang): string {
  const url = new URL(address, 'http://x');
  url.searchParams.set('lang', lang);
  url.searchParams.delete('flash');
  return `${url.pathname}${url.search}`;
}

// ---------------------------------------------------------------- error pages

/** An error as the exhibitor page says it, in the page's language (never the service's English message). */
export function describeError(body: ErrorBody, t: ExhibitorT): { title: string; text: string } {
  if (body.statusCode >= 500) return { title: t('serverErrorTitle'), text: t('serverErrorText', { id: String(body.errorId ?? body.requestId ?? '-') }) };
  if (body.statusCode === 403 && body.reason === 'csrf') return { title: t('csrfTitle'), text: t('csrfText') };
  if (body.statusCode === 403) return { title: t('forbiddenTitle'), text: t('forbiddenText') };
  if (body.statusCode === 404) return { title: t('notFoundTitle'), text: t('notFoundText') };
  if (body.statusCode === 429) return { title: t('tooManyTitle'), text: tooManyText(body.retryAfterSeconds, t) };
  if (body.statusCode === 409) return { title: t('errorTitle'), text: t('notAllowed') };
  return { title: t('errorTitle'), text: t('errorText') };
}

/** How long to wait, in the page's language: seconds under two minutes, whole minutes (rounded up) from there. */
export function tooManyText(retryAfterSeconds: unknown, t: ExhibitorT): string {
  if (typeof retryAfterSeconds !== 'number' || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 1) return t('tooManyText');
  const seconds = Math.ceil(retryAfterSeconds);
  return seconds < 120 ? t('tooManyWait', { seconds: String(seconds) }) : t('tooManyWaitMinutes', { minutes: String(Math.ceil(seconds / 60)) });
}

/** Fields of a long form, in page order, for the error summary's links. */
export function errorSummary<F extends string>(errors: FieldErrors<F>, fields: ReadonlyArray<{ field: F; id: string; label: string }>): Array<{ href: string; text: string }> {
  return fields.filter((f) => errors[f.field]).map((f) => ({ href: `#${f.id}`, text: `${f.label}: ${errors[f.field]}` }));
}

export type { UploadKind };
