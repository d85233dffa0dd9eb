/**
 * Organizer import of foreign buyers from a CSV file (RFC 4180, as spreadsheets export it).
 * Every problem is reported with the 1-based physical line where its record starts, so the
 * organizer can fix the file in one go; only rows without any error are returned.
 */

import { isMailAddress } from '../../../core/mail/email-address';
import type { CompanyIdentifierKind } from '../../exhibitors/domain/company-identifier';
import { checkParticipantCompany } from './participant-company';

export const BUYER_CSV_COLUMNS = ['company', 'country', 'contact_name', 'email', 'languages', 'interests', 'purchase_plans'] as const;
/** Columns a file may leave out: the company's other-script name and its identifier (with its kind). */
export const BUYER_CSV_OPTIONAL_COLUMNS = ['alternate_company', 'identifier_kind', 'identifier'] as const;
export type BuyerCsvColumn = (typeof BUYER_CSV_COLUMNS)[number];
type AnyColumn = BuyerCsvColumn | (typeof BUYER_CSV_OPTIONAL_COLUMNS)[number];
const KNOWN_COLUMNS: readonly string[] = [...BUYER_CSV_COLUMNS, ...BUYER_CSV_OPTIONAL_COLUMNS];

export const MAX_BUYER_ROWS = 5000;
export const MAX_FIELD_LENGTH = 200;

export interface BuyerRow {
  /** Physical line where the record starts (for messages after the import). */
  line: number;
  company: string;
  /** ISO 3166-1 alpha-2, uppercase. */
  country: string;
  contactName: string;
  email: string;
  /** ISO 639-1 codes, lowercase, without duplicates, in file order. */
  languages: string[];
  /** Product category codes, without duplicates, in file order. */
  interests: string[];
  /** Free text; may contain line breaks (normalized to \n). Absent when the cell is empty. */
  purchasePlans?: string;
  /** The company name in the other script; absent when not given. */
  alternateCompany?: string;
  /** The company identifier, checked against the country and normalized, with its kind; absent when not given. */
  identifierKind?: CompanyIdentifierKind;
  identifier?: string;
}

export interface BuyerCsvError {
  line: number;
  /** The column concerned; null for a whole record or the file. Unknown header names are given as written. */
  field: string | null;
  message: string;
}

export interface BuyerCsvResult {
  rows: BuyerRow[];
  errors: BuyerCsvError[];
}

export interface CsvRecord {
  line: number;
  fields: string[];
  /** Syntax problem of this record (its fields are then unreliable). */
  problem?: string;
}

/**
 * Splits RFC 4180 text into records. Line breaks are CRLF or LF; a lone CR stays in the value
 * (the field checks refuse it). Lenient enough to keep going after a malformed record so that
 * later records still get their own messages.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const records: CsvRecord[] = [];
  const atLineEnd = (k: number): boolean => text[k] === '\n' || (text[k] === '\r' && text[k + 1] === '\n');

  while (i < n) {
    const record: CsvRecord = { line, fields: [] };
    const fail = (message: string): void => {
      record.problem ??= message;
    };
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const quote = text.indexOf('"', i);
          const end = quote === -1 ? n : quote;
          const chunk = text.slice(i, end);
          value += chunk;
          line += countNewlines(chunk);
          i = end;
          if (quote === -1) break;
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (!closed) fail('a quoted field is not closed (missing ")');
        else if (i < n && text[i] !== ',' && !atLineEnd(i)) {
          fail('text after the closing quote of a field (double a quote inside a quoted field: "")');
          while (i < n && text[i] !== ',' && !atLineEnd(i)) value += text[i++];
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && !atLineEnd(i)) i++;
        value = text.slice(start, i);
        if (value.includes('"')) fail('a quote inside an unquoted field (quote the whole field and double the quote)');
      }
      record.fields.push(value);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      if (i < n) {
        i += text[i] === '\r' ? 2 : 1;
        line++;
      }
      break;
    }
    records.push(record);
  }
  return records;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) count++;
  return count;
}

/** The ISO 3166-1 alpha-2 codes officially assigned (249). */
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}

/** The one address check of Fairgate (validation, iCalendar writer, mail transport). */
export function isEmailAddress(value: string): boolean {
  return isMailAddress(value);
}

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_EXCEPT_NEWLINE = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

/**
 * @param allowedInterests the category codes buyers may pick: the fair series' codes (categoriesOfSeries),
 *   so a buyer of the PPURI fair cannot ask for 'robots'.
 */
export function parseBuyerCsv(text: string, allowedInterests: Iterable<string>): BuyerCsvResult {
  const allowed = new Set(allowedInterests);
  const rows: BuyerRow[] = [];
  const errors: BuyerCsvError[] = [];
  const records = readCsvRecords(text);

  const header = records[0];
  if (header === undefined || isBlank(header)) {
    errors.push({ line: 1, field: null, message: `the first line must be the header: ${BUYER_CSV_COLUMNS.join(',')}` });
    return { rows, errors };
  }
  if (header.problem !== undefined) {
    errors.push({ line: header.line, field: null, message: `header: ${header.problem}` });
    return { rows, errors };
  }
  const index = new Map<string, number>();
  let duplicated = false;
  header.fields.forEach((raw, k) => {
    const name = raw.trim().toLowerCase();
    if (index.has(name)) {
      duplicated = true;
      errors.push({ line: header.line, field: name, message: `column "${name}" appears twice` });
    } else if (!KNOWN_COLUMNS.includes(name)) {
      // Reported (a typo would otherwise lose a column silently) but the rows are still checked.
      errors.push({
        line: header.line, field: raw.trim(),
        message: `unknown column "${raw.trim()}"; expected ${BUYER_CSV_COLUMNS.join(',')} (optional: ${BUYER_CSV_OPTIONAL_COLUMNS.join(',')})`,
      });
    }
    if (!index.has(name)) index.set(name, k);
  });
  const missing = BUYER_CSV_COLUMNS.filter((c) => !index.has(c));
  for (const c of missing) errors.push({ line: header.line, field: c, message: `missing column "${c}"` });
  // A column we cannot place would make every row wrong: stop before misreading them.
  if (missing.length > 0 || duplicated) return { rows, errors };

  const firstLineOfEmail = new Map<string, number>();
  let count = 0;
  for (const record of records.slice(1)) {
    if (isBlank(record)) continue; // empty lines and ",,,,,," rows that spreadsheets leave behind
    if (++count > MAX_BUYER_ROWS) {
      errors.push({ line: record.line, field: null, message: `too many rows: at most ${MAX_BUYER_ROWS} buyers per file` });
      break;
    }
    if (record.problem !== undefined) {
      errors.push({ line: record.line, field: null, message: record.problem });
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      errors.push({
        line: record.line,
        field: null,
        message: `expected ${header.fields.length} fields like the header, found ${record.fields.length}`,
      });
      continue;
    }
    const checked = checkRow(record, index, allowed, errors);
    if (checked === null) continue;
    const key = checked.row.email.toLowerCase();
    const first = firstLineOfEmail.get(key);
    if (first === undefined) firstLineOfEmail.set(key, record.line);
    else {
      errors.push({ line: record.line, field: 'email', message: `${checked.row.email} is already on line ${first}` });
      continue;
    }
    if (checked.valid) rows.push(checked.row);
  }
  return { rows, errors };
}

/**
 * Checks one record's cells; appends its errors. Returns null when the email is unusable
 * (nothing to deduplicate on), else the row and whether it is free of errors.
 */
function checkRow(
  record: CsvRecord,
  index: ReadonlyMap<string, number>,
  allowed: ReadonlySet<string>,
  errors: BuyerCsvError[],
): { row: BuyerRow; valid: boolean } | null {
  const before = errors.length;
  const report = (field: AnyColumn, message: string): void => {
    errors.push({ line: record.line, field, message });
  };
  /** The trimmed cell, or null (reported) when it has control characters, is too long or is required and empty. */
  const text = (column: AnyColumn, required: boolean, multiline = false): string | null => {
    const at = index.get(column);
    if (at === undefined) return ''; // an optional column the file leaves out
    const raw = record.fields[at];
    const value = multiline ? raw.replace(/\r\n/g, '\n').trim() : raw.trim();
    if ((multiline ? CONTROL_EXCEPT_NEWLINE : CONTROL).test(value)) report(column, 'contains control characters or line breaks');
    else if ([...value].length > MAX_FIELD_LENGTH) report(column, `is longer than ${MAX_FIELD_LENGTH} characters`);
    else if (required && value === '') report(column, 'is required');
    else return value;
    return null;
  };
  const list = (column: BuyerCsvColumn): string[] | null => {
    const value = text(column, false);
    if (value === null) return null;
    return [
      ...new Set(
        value
          .split(';')
          .map((v) => v.trim().toLowerCase())
          .filter((v) => v !== ''),
      ),
    ];
  };

  const company = text('company', true);
  const contactName = text('contact_name', true);
  const purchasePlans = text('purchase_plans', false, true);

  let country = text('country', true);
  if (country !== null && !isCountryCode(country)) {
    report(
      'country',
      isCountryCode(country.toUpperCase())
        ? `must be written in capitals: ${country.toUpperCase()}`
        : `"${country}" is not an ISO 3166-1 alpha-2 country code (e.g. US, VN, DE)`,
    );
    country = null;
  }

  let email = text('email', true);
  if (email !== null && !isEmailAddress(email)) {
    report('email', `"${email}" is not an email address`);
    email = null;
  }

  let languages = list('languages');
  if (languages !== null) {
    const bad = languages.filter((l) => !/^[a-z]{2}$/.test(l));
    if (bad.length > 0) report('languages', `not 2-letter language codes (ISO 639-1, e.g. en;zh): ${bad.join(', ')}`);
    else if (languages.length === 0) report('languages', 'at least one language is required (e.g. en)');
    if (bad.length > 0 || languages.length === 0) languages = null;
  }

  let interests = list('interests');
  if (interests !== null) {
    const unknown = interests.filter((c) => !allowed.has(c));
    if (unknown.length > 0) {
      report('interests', `unknown product categories: ${unknown.join(', ')} (allowed: ${[...allowed].join(', ')})`);
      interests = null;
    }
  }

  const alternateCompany = text('alternate_company', false);
  const identifierKind = text('identifier_kind', false);
  const identifier = text('identifier', false);
  let identity: ReturnType<typeof checkParticipantCompany>['identity'] = null;
  if (company !== null && country !== null && alternateCompany !== null && identifierKind !== null && identifier !== null) {
    const checked = checkParticipantCompany({ companyName: company, alternateCompanyName: alternateCompany, country, identifierKind, identifier });
    if (checked.problems.alternateCompanyName) report('alternate_company', checked.problems.alternateCompanyName.en);
    if (checked.problems.identifierKind) report('identifier_kind', checked.problems.identifierKind.en);
    if (checked.problems.identifier) report('identifier', checked.problems.identifier.en);
    identity = checked.identity;
  }

  if (email === null) return null;
  const row: BuyerRow = {
    line: record.line,
    company: company ?? '',
    country: country ?? '',
    contactName: contactName ?? '',
    email,
    languages: languages ?? [],
    interests: interests ?? [],
  };
  if (purchasePlans !== null && purchasePlans !== '') row.purchasePlans = purchasePlans;
  if (alternateCompany) row.alternateCompany = alternateCompany;
  if (identity) {
    row.identifierKind = identity.kind;
    row.identifier = identity.identifier;
  }
  return { row, valid: errors.length === before };
}

function isBlank(record: CsvRecord): boolean {
  return record.problem === undefined && record.fields.every((f) => f.trim() === '');
}
