import type { ValidationError } from 'class-validator';
import { DomainError, type FieldError } from './domain-error';

/** Flattens class-validator's tree into one entry per field, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      // A missing value fails every rule of its field; one plain sentence says it better.
      const missing = (error.value === undefined || error.value === null) && !('whitelistValidation' in error.constraints);
      out.push({ field, messages: missing ? [`${error.property} is required`] : Object.values(error.constraints).map(humanize) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

// class-validator words the whitelist refusal oddly; say it plainly.
function humanize(message: string): string {
  const unknown = /^property (.+) should not exist$/.exec(message);
  return unknown ? `${unknown[1]} is not a known field` : message;
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return DomainError.validation(toFieldErrors(errors));
}
