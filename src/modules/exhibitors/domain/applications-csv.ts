import { csvCell } from '../../../core/csv/csv-cell';

export interface ApplicationCsvRow {
  id: string;
  editionCode: string;
  status: string;
  /** In the reader's language (domain/company-name). */
  companyName: string;
  businessRegistrationNumber: string | null;
  companyIdentifierKind: string;
  companyIdentifier: string;
  country: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  boothType: string;
  boothCount: number;
  hallCode: string | null;
  boothCodes: string[];
  productCategories: string[];
  totalKrw: number | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

const COLUMNS: Array<[header: string, cell: (r: ApplicationCsvRow) => string]> = [
  ['id', (r) => r.id],
  ['edition', (r) => r.editionCode],
  ['status', (r) => r.status],
  ['company_name', (r) => r.companyName],
  ['business_registration_number', (r) => r.businessRegistrationNumber ?? ''],
  ['country', (r) => r.country],
  ['contact_name', (r) => r.contactName],
  ['contact_email', (r) => r.contactEmail],
  ['contact_phone', (r) => r.contactPhone],
  ['booth_type', (r) => r.boothType],
  ['booth_count', (r) => String(r.boothCount)],
  ['hall', (r) => r.hallCode ?? ''],
  // Space-separated: codes and category codes hold no spaces, and the cell stays unquoted.
  ['booths', (r) => r.boothCodes.join(' ')],
  ['product_categories', (r) => r.productCategories.join(' ')],
  ['total_krw', (r) => (r.totalKrw === null ? '' : String(r.totalKrw))],
  ['submitted_at', (r) => (r.submittedAt === null ? '' : seoulTime(r.submittedAt))],
  ['updated_at', (r) => seoulTime(r.updatedAt)],
  // Companies outside Korea have no 사업자등록번호: their own identifier and its kind.
  ['company_identifier_kind', (r) => r.companyIdentifierKind],
  ['company_identifier', (r) => r.companyIdentifier],
];

/**
 * The organizer's export of applications. The BOM makes Excel read UTF-8 (Korean names would
 * otherwise come out garbled); every cell goes through csvCell, so no value runs as a formula.
 */
export function applicationsCsv(rows: ApplicationCsvRow[]): string {
  const lines = [COLUMNS.map(([header]) => header), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))];
  return '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** '2027-03-05 14:00 +09:00': Korea time, which organizers read, with the offset so it stays unambiguous. */
function seoulTime(at: Date): string {
  const local = new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} +09:00`;
}
