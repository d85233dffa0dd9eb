import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_SETUP_MINUTES } from '../domain/booking-rules';
import { formatLocal, localToInstant } from '../../../core/time/zoned-time';
import type { CreateBookingDto } from '../dto/booking.dto';
import type { ConsoleT } from './messages';
import { CsrfForm } from '../../../core/web/forms';

/*
 * The console's form bodies and query strings. The global ValidationPipe forbids unknown fields,
 * so each form has a class; the fields are lenient strings here and checked in parseHoldForm,
 * which keeps the user's input and says what is wrong next to each field, in their language.
 */

export const VIEWS = ['day', 'week'] as const;
export type ConsoleView = (typeof VIEWS)[number];

/** Where a form returns to: the grid the user was looking at. */
export class ReturnToForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(40) returnDate?: string;
  @IsOptional() @IsIn(VIEWS) returnView?: ConsoleView;
}

export const HOLD_FIELDS = ['space', 'date', 'start', 'end', 'setupMinutes', 'teardownMinutes', 'purpose'] as const;
export type HoldField = (typeof HOLD_FIELDS)[number];
export type HoldValues = Record<HoldField, string>;

export class HoldForm extends ReturnToForm {
  @IsOptional() @IsString() @MaxLength(100) space?: string;
  @IsOptional() @IsString() @MaxLength(100) date?: string;
  @IsOptional() @IsString() @MaxLength(100) start?: string;
  @IsOptional() @IsString() @MaxLength(100) end?: string;
  @IsOptional() @IsString() @MaxLength(100) setupMinutes?: string;
  @IsOptional() @IsString() @MaxLength(100) teardownMinutes?: string;
  @IsOptional() @IsString() @MaxLength(2000) purpose?: string;
}

export class LoginPageQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
}

export class VenuePageQuery extends LoginPageQuery {
  @IsOptional() @IsString() @MaxLength(40) date?: string;
  @IsOptional() @IsString() @MaxLength(10) view?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTES = /^\d{1,6}$/;
const PURPOSE_MAX = 200;

/** A real calendar date in YYYY-MM-DD (2027-02-30 is not). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function holdValues(form: HoldForm): HoldValues {
  return {
    space: (form.space ?? '').trim(),
    date: (form.date ?? '').trim(),
    start: (form.start ?? '').trim(),
    end: (form.end ?? '').trim(),
    setupMinutes: (form.setupMinutes ?? '').trim() || '0',
    teardownMinutes: (form.teardownMinutes ?? '').trim() || '0',
    purpose: (form.purpose ?? '').trim(),
  };
}

export type HoldParse = { ok: true; dto: CreateBookingDto } | { ok: false; errors: Partial<Record<HoldField, string>> };

/**
 * The hold form as a booking request, or the problems per field. Only form-level checks happen
 * here; the opening hours and overlaps are the service's to decide.
 */
export function parseHoldForm(v: HoldValues, spaceCodes: readonly string[], zone: string, t: ConsoleT): HoldParse {
  const errors: Partial<Record<HoldField, string>> = {};
  if (!v.space) errors.space = t('required');
  else if (!spaceCodes.includes(v.space)) errors.space = t('unknownSpace');
  if (!v.date) errors.date = t('required');
  else if (!isCalendarDate(v.date)) errors.date = t('invalidDate');
  for (const field of ['start', 'end'] as const) {
    if (!v[field]) errors[field] = t('required');
    else if (!TIME.test(v[field])) errors[field] = t('invalidTime');
  }
  if (!errors.start && !errors.end && v.end <= v.start) errors.end = t('endBeforeStart');
  for (const field of ['setupMinutes', 'teardownMinutes'] as const) {
    if (!MINUTES.test(v[field]) || Number(v[field]) > MAX_SETUP_MINUTES) errors[field] = t('invalidMinutes', { max: MAX_SETUP_MINUTES });
  }
  if (!v.purpose) errors.purpose = t('required');
  else if ([...v.purpose].length > PURPOSE_MAX) errors.purpose = t('tooLong', { max: PURPOSE_MAX });
  else if (!/^[^\p{Cc}\u2028\u2029]*$/u.test(v.purpose)) errors.purpose = t('singleLine');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const at = (time: string): string => formatLocal(localToInstant(v.date, time, zone), zone);
  return {
    ok: true,
    dto: {
      space: v.space,
      startsAt: at(v.start),
      endsAt: at(v.end),
      setupMinutes: Number(v.setupMinutes),
      teardownMinutes: Number(v.teardownMinutes),
      purpose: v.purpose,
    },
  };
}

/** The service names booking fields; the form has its own names. */
export function formFieldOf(serviceField: string): HoldField | undefined {
  switch (serviceField) {
    case 'startsAt':
      return 'start';
    case 'endsAt':
      return 'end';
    default:
      return (HOLD_FIELDS as readonly string[]).includes(serviceField) ? (serviceField as HoldField) : undefined;
  }
}
