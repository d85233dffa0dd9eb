/*
 * The after-meeting survey's answer as typed on the form, checked: pure, unit-tested beside it.
 * Amounts are US dollars, ≥ 0, at most 2 decimals; thousands separators (1,234.50) and spaces are
 * accepted; blank means "not given". Errors are codes; the page words them in its language.
 */

export type SurveyField = 'satisfaction' | 'followUp' | 'consultationUsd' | 'expectedContractUsd' | 'comment';
export type SurveyError = 'required' | 'notANumber' | 'negative' | 'tooManyDecimals' | 'tooLarge' | 'tooLong';

export interface SurveyFormInput {
  satisfaction?: string;
  followUp?: string;
  consultationUsd?: string;
  expectedContractUsd?: string;
  comment?: string;
}

export interface SurveyAnswer {
  satisfaction: number;
  followUp: boolean;
  /** Normalised for numeric(14,2): "1234.5"; null when blank. */
  consultationUsd: string | null;
  expectedContractUsd: string | null;
  comment: string | null;
}

export const COMMENT_MAX = 2000;
/** numeric(14,2): at most 12 digits before the point. */
const MAX_INTEGER_DIGITS = 12;

export type AmountResult = { ok: true; value: string | null } | { ok: false; error: SurveyError };

/** A typed USD amount → "1234.5" (no separators), null when blank, or why not. */
export function parseUsd(input: string | undefined): AmountResult {
  const s = (input ?? '').trim().replace(/^(US)?\$\s*/i, '').replace(/\s*(USD)$/i, '');
  if (s === '') return { ok: true, value: null };
  if (/^-/.test(s)) return /^-\s*[\d,. ]+$/.test(s) ? { ok: false, error: 'negative' } : { ok: false, error: 'notANumber' };
  // Either plain digits, or groups of three separated by commas (or spaces); then an optional fraction.
  const m = /^(\d+|\d{1,3}(?:[, ]\d{3})+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, error: 'notANumber' };
  const integer = m[1].replace(/[, ]/g, '').replace(/^0+(?=\d)/, '');
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'tooManyDecimals' };
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, error: 'tooLarge' };
  return { ok: true, value: fraction ? `${integer}.${fraction}` : integer };
}

/** The answer, or the errors per field (all of them, in form order). */
export function checkSurveyForm(input: SurveyFormInput): { ok: true; answer: SurveyAnswer } | { ok: false; errors: Partial<Record<SurveyField, SurveyError>> } {
  const errors: Partial<Record<SurveyField, SurveyError>> = {};
  const satisfaction = Number(input.satisfaction);
  if (!/^[1-5]$/.test(input.satisfaction ?? '')) errors.satisfaction = 'required';
  if (input.followUp !== 'yes' && input.followUp !== 'no') errors.followUp = 'required';
  const consultation = parseUsd(input.consultationUsd);
  if (!consultation.ok) errors.consultationUsd = consultation.error;
  const contract = parseUsd(input.expectedContractUsd);
  if (!contract.ok) errors.expectedContractUsd = contract.error;
  const comment = (input.comment ?? '').trim();
  if (comment.length > COMMENT_MAX) errors.comment = 'tooLong';
  if (Object.keys(errors).length > 0 || !consultation.ok || !contract.ok) return { ok: false, errors };
  return {
    ok: true,
    answer: {
      satisfaction,
      followUp: input.followUp === 'yes',
      consultationUsd: consultation.value,
      expectedContractUsd: contract.value,
      comment: comment === '' ? null : comment,
    },
  };
}

/** A stored amount ("30000.00") as the form shows it again: "30,000"; "15000.75" → "15,000.75"; null → "". */
export function usdForInput(value: string | null): string {
  if (value === null) return '';
  const [integer, fraction = ''] = value.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return /^0*$/.test(fraction) ? grouped : `${grouped}.${fraction}`;
}
