import { Transform } from 'class-transformer';
import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';
import { isMailAddress } from '../mail/email-address';

/** Trims strings; leaves other types for the type validators to refuse. */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Text that ends up in headers, CSV cells or single-line UI: no control characters, no
 * line or paragraph separators (they would split an email header).
 */
export const IsSingleLine = (options?: ValidationOptions): PropertyDecorator =>
  Matches(/^[^\p{Cc}\u2028\u2029]*$/u, { message: '$property must be a single line without control characters', ...options });

/** A custom check as a class-validator decorator, with its message. */
export function Satisfies(check: (value: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown) => check(value) },
    });
  };
}

/**
 * An email address Fairgate can write everywhere it goes (src/core/mail/email-address.ts): the same
 * check the iCalendar writer and the mail transport apply, so what passes here never fails there.
 */
export const IsMailAddress = (options?: ValidationOptions): PropertyDecorator =>
  Satisfies(isMailAddress, '$property must be an email address', options);

/** A day of the calendar written YYYY-MM-DD that exists (no 2027-13-01, no 2027-02-30). */
export function isCalendarDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A YYYY-MM-DD day that exists: a day PostgreSQL would refuse never reaches it as a 500. */
export const IsCalendarDay = (message: string, options?: ValidationOptions): PropertyDecorator => Satisfies(isCalendarDay, message, options);
