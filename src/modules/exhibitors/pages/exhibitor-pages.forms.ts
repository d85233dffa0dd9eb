import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, validateSync, type ValidationError } from 'class-validator';
import type { FieldError } from '../../../core/errors/domain-error';
import { ApplicationFormDto } from '../dto/application.dto';
import { SignUpDto } from '../dto/company.dto';
import { checkCompanyIdentity, type CompanyIdentityField } from '../domain/company-identity';
import type { ExhibitorMessageKey, ExhibitorT } from './messages';
import { CsrfForm } from '../../../core/web/forms';

/*
 * Form bodies of the exhibitor pages. The global ValidationPipe forbids unknown fields, so each
 * form has a class with lenient strings; the real rules are the API's DTOs, run here on the
 * form's values so the page can say what is wrong next to each field, in the user's language.
 */

export class EmptyForm extends CsrfForm {}

export class PageQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
}

export class TokenQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(300) token?: string;
}

export class EditionQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
}

export class LoginForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @IsOptional() @IsString() @MaxLength(1000) password?: string;
}

export class EmailForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
}

export class TokenForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(300) token?: string;
}

export class ResetForm extends TokenForm {
  @IsOptional() @IsString() @MaxLength(1000) password?: string;
}

export class JoinForm extends ResetForm {
  @IsOptional() @IsString() @MaxLength(1000) displayName?: string;
  @IsOptional() @IsString() @MaxLength(10) language?: string;
}

export const SIGN_UP_FIELDS = [
  'email', 'password', 'displayName', 'companyName', 'alternateName', 'country', 'countryOther', 'brn', 'identifierKind', 'identifier', 'address', 'website', 'language',
] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];
export type SignUpValues = Record<SignUpField, string>;

export class SignUpForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @IsOptional() @IsString() @MaxLength(1000) password?: string;
  @IsOptional() @IsString() @MaxLength(1000) displayName?: string;
  @IsOptional() @IsString() @MaxLength(1000) companyName?: string;
  @IsOptional() @IsString() @MaxLength(100) brn?: string;
  @IsOptional() @IsString() @MaxLength(100) country?: string;
  @IsOptional() @IsString() @MaxLength(100) countryOther?: string;
  @IsOptional() @IsString() @MaxLength(1000) alternateName?: string;
  @IsOptional() @IsString() @MaxLength(40) identifierKind?: string;
  @IsOptional() @IsString() @MaxLength(100) identifier?: string;
  @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @IsOptional() @IsString() @MaxLength(1000) website?: string;
  @IsOptional() @IsString() @MaxLength(10) language?: string;
}

export const APPLICATION_FIELDS = [
  'contactName', 'contactEmail', 'contactPhone', 'boothType', 'boothCount', 'hall', 'preferredBoothKind', 'productCategories', 'notes',
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];
export type ApplicationValues = Record<Exclude<ApplicationField, 'productCategories'>, string> & { productCategories: string[] };

export class ApplicationForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) contactName?: string;
  @IsOptional() @IsString() @MaxLength(1000) contactEmail?: string;
  @IsOptional() @IsString() @MaxLength(100) contactPhone?: string;
  @IsOptional() @IsString() @MaxLength(40) boothType?: string;
  @IsOptional() @IsString() @MaxLength(20) boothCount?: string;
  @IsOptional() @IsString() @MaxLength(40) hall?: string;
  @IsOptional() @IsString() @MaxLength(40) preferredBoothKind?: string;
  // One checkbox arrives as a string, several as an array.
  @IsOptional() @IsString({ each: true }) @MaxLength(60, { each: true }) productCategories?: string | string[];
  @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @IsOptional() @IsIn(['draft', 'submit']) intent?: 'draft' | 'submit';
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
}

export class CancelForm extends CsrfForm {
  @IsOptional() @IsIn(['yes']) confirm?: string;
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Parsed<T, F extends string> = { ok: true; dto: T } | { ok: false; errors: FieldErrors<F> };

const s = (v: string | undefined): string => (v ?? '').trim();

export function signUpValues(form: SignUpForm, fallbackLang: 'ko' | 'en'): SignUpValues {
  return {
    email: s(form.email), password: form.password ?? '', displayName: s(form.displayName), companyName: s(form.companyName),
    alternateName: s(form.alternateName), brn: s(form.brn), identifierKind: s(form.identifierKind), identifier: s(form.identifier),
    // "Other" in the country list: the code typed beside it.
    country: (s(form.country) === 'other' ? s(form.countryOther) : s(form.country)).toUpperCase(), countryOther: s(form.countryOther).toUpperCase(),
    address: s(form.address), website: s(form.website),
    language: form.language === 'en' || form.language === 'ko' ? form.language : fallbackLang,
  };
}

export function applicationValues(form: ApplicationForm): ApplicationValues {
  const categories = form.productCategories === undefined ? [] : Array.isArray(form.productCategories) ? form.productCategories : [form.productCategories];
  return {
    contactName: s(form.contactName), contactEmail: s(form.contactEmail), contactPhone: s(form.contactPhone), boothType: s(form.boothType),
    boothCount: s(form.boothCount), hall: s(form.hall), preferredBoothKind: s(form.preferredBoothKind), productCategories: categories, notes: s(form.notes),
  };
}

/** Service (API) field paths → the form's field names. */
const SIGN_UP_PATHS: Record<string, SignUpField> = {
  email: 'email', password: 'password', displayName: 'displayName', language: 'language', 'company.name': 'companyName',
  'company.businessRegistrationNumber': 'brn', 'company.country': 'country', 'company.alternateName': 'alternateName',
  'company.identifierKind': 'identifierKind', 'company.identifier': 'identifier', 'company.address': 'address', 'company.website': 'website',
};
const APPLICATION_PATHS: Record<string, ApplicationField> = {
  'contact.name': 'contactName', 'contact.email': 'contactEmail', 'contact.phone': 'contactPhone', 'booth.type': 'boothType',
  'booth.count': 'boothCount', hall: 'hall', preferredBoothKind: 'preferredBoothKind', productCategories: 'productCategories', notes: 'notes',
};

/** What to say about each field when the rules refuse it. */
const FIELD_MESSAGES: Record<SignUpField | ApplicationField, ExhibitorMessageKey> = {
  email: 'badEmail', password: 'badPassword', displayName: 'badText', companyName: 'badText', brn: 'badBrn', country: 'badCountry',
  countryOther: 'badCountry', alternateName: 'badText', identifierKind: 'badChoice', identifier: 'badText',
  address: 'badText', website: 'badWebsite', language: 'badChoice', contactName: 'badText', contactEmail: 'badEmail', contactPhone: 'badPhone',
  boothType: 'badBoothType', boothCount: 'badBoothCount', hall: 'badHall', preferredBoothKind: 'badChoice', productCategories: 'badCategories', notes: 'badText',
};

export function fieldMessage(field: SignUpField | ApplicationField, t: ExhibitorT): string {
  return t(FIELD_MESSAGES[field]);
}

/** Maps service field errors onto the form; the paths it does not know come back apart. */
export function mapFieldErrors<F extends SignUpField | ApplicationField>(
  errors: readonly FieldError[], kind: 'signUp' | 'application', t: ExhibitorT, override?: (path: string) => string | undefined,
): { errors: FieldErrors<F>; other: string[] } {
  const paths = (kind === 'signUp' ? SIGN_UP_PATHS : APPLICATION_PATHS) as Record<string, F>;
  const out: FieldErrors<F> = {};
  const other: string[] = [];
  for (const e of errors) {
    const field = paths[e.field];
    const special = override?.(e.field);
    if (field) out[field] = special ?? fieldMessage(field, t);
    else other.push(special ?? e.messages.join(' '));
  }
  return { errors: out, other };
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field: path, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

function check<T extends object>(cls: new () => T, plain: object): { dto: T; errors: FieldError[] } {
  const dto = plainToInstance(cls, plain);
  return { dto, errors: flatten(validateSync(dto, { whitelist: true, forbidUnknownValues: true })) };
}

/** The sign-up form checked by the API's own rules; empty required fields say so. */
export function parseSignUp(v: SignUpValues, t: ExhibitorT, lang: 'ko' | 'en'): Parsed<SignUpDto, SignUpField> {
  const korean = v.country === 'KR';
  const company = {
    name: v.companyName, country: v.country, address: v.address,
    ...(v.alternateName && { alternateName: v.alternateName }),
    // The identifier follows the country: what the other part of the form holds is not sent.
    ...(korean ? { businessRegistrationNumber: v.brn } : { ...(v.identifierKind && { identifierKind: v.identifierKind }), ...(v.identifier && { identifier: v.identifier }) }),
    ...(v.website && { website: v.website }),
  };
  const { dto, errors } = check(SignUpDto, { email: v.email, password: v.password, displayName: v.displayName, language: v.language, company });
  // The identity rules say what is wrong in the page's language ("독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다").
  const identity = checkCompanyIdentity(company).problems;
  const mapped = mapFieldErrors<SignUpField>(errors, 'signUp', t, (path) => {
    const field = path.replace(/^company\./, '') as CompanyIdentityField;
    return identity[field]?.[lang];
  });
  for (const f of ['email', 'password', 'displayName', 'companyName', 'country', 'address'] as const) if (!v[f]) mapped.errors[f] = t('required');
  if (korean && !v.brn) mapped.errors.brn = t('required');
  return Object.keys(mapped.errors).length > 0 ? { ok: false, errors: mapped.errors } : { ok: true, dto };
}

/** The application form checked by the API's rules; halls and categories of the edition are the service's to check. */
export function parseApplication(v: ApplicationValues, t: ExhibitorT): Parsed<ApplicationFormDto, ApplicationField> {
  const count = /^\d{1,4}$/.test(v.boothCount) ? Number(v.boothCount) : v.boothCount;
  const { dto, errors } = check(ApplicationFormDto, {
    contact: { name: v.contactName, email: v.contactEmail, phone: v.contactPhone },
    booth: { type: v.boothType, count },
    hall: v.hall,
    ...(v.preferredBoothKind && { preferredBoothKind: v.preferredBoothKind }),
    productCategories: v.productCategories,
    ...(v.notes && { notes: v.notes }),
  });
  const mapped = mapFieldErrors<ApplicationField>(errors, 'application', t);
  if (v.notes.length > 2000) mapped.errors.notes = t('tooLong', { max: 2000 });
  for (const f of ['contactName', 'contactEmail', 'contactPhone', 'boothType', 'boothCount', 'hall'] as const) if (!v[f]) mapped.errors[f] = t('required');
  return Object.keys(mapped.errors).length > 0 ? { ok: false, errors: mapped.errors } : { ok: true, dto };
}
