/**
 * Korean business registration numbers (사업자등록번호): 10 digits, written 123-45-67890,
 * the last digit a check digit over the first nine with weights 1,3,7,1,3,7,1,3,5 plus
 * the tens of (9th digit × 5).
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** Strips the usual separators; returns undefined when what is left is not 10 digits. */
export function normalizeBusinessRegistrationNumber(input: string): string | undefined {
  const digits = input.trim().replace(/[-\s]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

export function businessRegistrationCheckDigit(firstNine: string): number {
  const d = [...firstNine].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * WEIGHTS[i];
  sum += Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusinessRegistrationNumber(input: string): boolean {
  const digits = normalizeBusinessRegistrationNumber(input);
  return digits !== undefined && businessRegistrationCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

export function formatBusinessRegistrationNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
