/**
 * One CSV cell (RFC 4180). A value starting with =, +, -, @, tab or CR would run as a formula in a
 * spreadsheet (CSV injection), so it gets a leading apostrophe, which Excel shows as text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
