import { Transform, plainToInstance } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { RegisterBuyerDto } from '../dto/meetings.dto';
import { checkParticipantCompany } from '../domain/participant-company';
import type { Lang } from '../../../core/web/i18n';
import type { BuyerRegistrationKey, BuyerRegistrationT } from './buyer-registration-page.messages';

/*
 * The buyers' registration form. The global ValidationPipe forbids unknown fields, so the form has
 * a class of lenient strings; the real rules are the API's RegisterBuyerDto, run here on the
 * form's values so the page can say what is wrong next to each field, in the visitor's language.
 */

const asList = ({ value }: { value: unknown }): unknown => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

export class BuyerRegistrationForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  /** The one-time key of this form: a second submit of it replays the first answer. */
  @IsOptional() @IsString() @MaxLength(100) formKey?: string;
  @IsOptional() @IsString() @MaxLength(1000) companyName?: string;
  @IsOptional() @IsString() @MaxLength(1000) alternateCompanyName?: string;
  @IsOptional() @IsString() @MaxLength(100) country?: string;
  @IsOptional() @IsString() @MaxLength(100) identifierKind?: string;
  @IsOptional() @IsString() @MaxLength(200) identifier?: string;
  @IsOptional() @IsString() @MaxLength(1000) contactName?: string;
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  /** Checkboxes post nothing when none is ticked, one string for one, an array for several. */
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) interests?: string[];
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) languages?: string[];
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) days?: string[];
  @IsOptional() @IsString() @MaxLength(5000) purchasePlans?: string;
  @IsOptional() @IsString() @MaxLength(10) locale?: string;
}

export const BUYER_FIELDS = ['companyName', 'alternateCompanyName', 'country', 'identifierKind', 'identifier', 'contactName', 'email', 'interests', 'languages', 'days', 'purchasePlans', 'locale'] as const;
export type BuyerField = (typeof BUYER_FIELDS)[number];
export type FieldErrors = Partial<Record<BuyerField, string>>;

export interface BuyerValues {
  companyName: string;
  alternateCompanyName: string;
  country: string;
  identifierKind: string;
  identifier: string;
  contactName: string;
  email: string;
  interests: string[];
  languages: string[];
  /** Meeting days (YYYY-MM-DD) the buyer can attend. */
  days: string[];
  purchasePlans: string;
  locale: Lang;
}

/** The label of each field, as the error messages name it. */
export const FIELD_LABEL: Record<BuyerField, BuyerRegistrationKey> = {
  companyName: 'companyName', alternateCompanyName: 'alternateCompanyName', country: 'country', identifierKind: 'identifierKind', identifier: 'identifier', contactName: 'contactName', email: 'email', interests: 'interests',
  languages: 'languages', days: 'days', purchasePlans: 'purchasePlans', locale: 'locale',
};

const text = (v: string | undefined): string => (typeof v === 'string' ? v : '');

/** The form as typed, to show again; an empty form starts with every meeting day ticked. */
export function buyerValues(form: BuyerRegistrationForm, lang: Lang): BuyerValues {
  return {
    companyName: text(form.companyName),
    alternateCompanyName: text(form.alternateCompanyName),
    country: text(form.country).trim().toUpperCase(),
    identifierKind: text(form.identifierKind).trim(),
    identifier: text(form.identifier),
    contactName: text(form.contactName),
    email: text(form.email),
    interests: form.interests ?? [],
    languages: form.languages ?? [],
    days: form.days ?? [],
    purchasePlans: text(form.purchasePlans),
    locale: form.locale === 'ko' || form.locale === 'en' ? form.locale : lang,
  };
}

export function emptyValues(lang: Lang, days: string[]): BuyerValues {
  return { companyName: '', alternateCompanyName: '', country: '', identifierKind: '', identifier: '', contactName: '', email: '', interests: [], languages: [], days, purchasePlans: '', locale: lang };
}

/**
 * Checks the values against the API's rules and the edition's choices. Returns the DTO (without
 * the away slots, which the service derives from the days) or one message per wrong field.
 */
export function parseBuyer(
  v: BuyerValues,
  choices: { categories: string[]; days: string[] },
  t: BuyerRegistrationT,
  lang: Lang,
): { dto: RegisterBuyerDto; errors?: undefined } | { dto?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  // The company's identity, with the exhibitors' rules and their messages in the page's language.
  const company = checkParticipantCompany(v);
  for (const [f, message] of Object.entries(company.problems)) errors[f as BuyerField] = message[lang];
  const label = (f: BuyerField): string => t(FIELD_LABEL[f]);
  for (const f of ['companyName', 'contactName', 'email'] as const) if (!v[f].trim()) errors[f] = t('errRequired', { field: label(f) });
  if (!v.country) errors.country = t('errCountry');
  if (v.interests.length === 0) errors.interests = t('errChoose', { field: label('interests') });
  else if (v.interests.some((c) => !choices.categories.includes(c))) errors.interests = t('errUnknownChoice', { field: label('interests') });
  if (v.languages.length === 0) errors.languages = t('errChoose', { field: label('languages') });
  if (choices.days.length > 0) {
    if (v.days.length === 0) errors.days = t('errChoose', { field: label('days') });
    else if (v.days.some((d) => !choices.days.includes(d))) errors.days = t('errUnknownChoice', { field: label('days') });
  }
  const plain = {
    companyName: v.companyName, country: v.country, contactName: v.contactName, email: v.email, languages: v.languages, interests: v.interests,
    ...(v.purchasePlans.trim() ? { purchasePlans: v.purchasePlans } : {}), locale: v.locale,
    ...(v.alternateCompanyName.trim() ? { alternateCompanyName: v.alternateCompanyName } : {}),
    ...(v.identifierKind ? { identifierKind: v.identifierKind } : {}),
    ...(v.identifier.trim() ? { identifier: v.identifier } : {}),
  };
  const dto = plainToInstance(RegisterBuyerDto, plain);
  for (const e of validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })) {
    const field = e.property as BuyerField;
    if (!(BUYER_FIELDS as readonly string[]).includes(field) || errors[field]) continue;
    errors[field] = fieldMessage(field, Object.keys(e.constraints ?? {}), t);
  }
  return Object.keys(errors).length > 0 ? { errors } : { dto };
}

const MAX: Partial<Record<BuyerField, number>> = { companyName: 200, alternateCompanyName: 200, contactName: 100, email: 254, purchasePlans: 1000 };

function fieldMessage(field: BuyerField, constraints: string[], t: BuyerRegistrationT): string {
  const label = t(FIELD_LABEL[field]);
  if (field === 'country') return t('errCountry');
  if (constraints.some((c) => c === 'isLength' || c === 'maxLength') && MAX[field]) return t('errTooLong', { field: label, max: MAX[field] });
  if (field === 'email') return t('errEmail');
  if (constraints.includes('matches') && (field === 'companyName' || field === 'alternateCompanyName' || field === 'contactName')) return t('errSingleLine', { field: label });
  if (field === 'interests' || field === 'languages') return t('errUnknownChoice', { field: label });
  return t('errInvalid', { field: label });
}

/** Field errors the service gave back (its paths are the API's), as the page's messages. */
export function mapServiceErrors(errors: Array<{ field: string }>, t: BuyerRegistrationT): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field: BuyerField = e.field === 'unavailableSlots' ? 'days' : (BUYER_FIELDS as readonly string[]).includes(e.field) ? (e.field as BuyerField) : 'companyName';
    out[field] ??= fieldMessage(field, [], t);
  }
  return out;
}
