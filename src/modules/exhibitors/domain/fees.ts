import type { BoothType } from '../entities/exhibitor-application.entity';

/** Where a booth stands in its row: open on one side (inline), two (corner) or all four (island). */
export type BoothKind = 'inline' | 'corner' | 'island';

/** Prices in whole won (KRW has no minor unit); percentages as numbers, 10 = 10 %. */
export interface FeeSchedule {
  /** Price of one 9 m² unit. */
  pricePerBoothKrw: Record<BoothType, number>;
  cornerSurchargePct: number;
  islandSurchargePct: number;
  earlyBirdDiscountPct: number;
  /** Last day of the early-bird price, inclusive, as a calendar date in Asia/Seoul (YYYY-MM-DD); null = no early bird. */
  earlyBirdUntil: string | null;
  vatPct: number;
}

export interface FeeInput {
  boothType: BoothType;
  /** 9 m² units applied for; the booths line is priced on this, even once booths are assigned. */
  boothCount: number;
  /** Assigned booths; absent = not assigned yet, priced as inline (no surcharge). */
  booths?: Array<{ kind: BoothKind; units: number }>;
  /** null = not submitted yet: priced as if submitted at `now`. */
  submittedAt: Date | null;
  now: Date;
}

export interface FeeLine {
  code: 'booths' | 'corner_surcharge' | 'island_surcharge' | 'early_bird_discount';
  quantity: number;
  unitKrw: number;
  /** Negative for the discount. */
  amountKrw: number;
}

export interface FeeQuote {
  lines: FeeLine[];
  netKrw: number;
  vatKrw: number;
  totalKrw: number;
  /** Submitted (or, before submission, now) on or before earlyBirdUntil. */
  earlyBird: boolean;
}

/**
 * ASSUMED figures, not KDJ Center's tariff (which none of our sources gives): a plausible order of
 * magnitude for Korean trade fairs, for seeding and tests. Each edition should set its own schedule.
 */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  pricePerBoothKrw: { raw_space: 2_200_000, shell_scheme: 2_600_000 },
  cornerSurchargePct: 10,
  islandSurchargePct: 15,
  earlyBirdDiscountPct: 10,
  earlyBirdUntil: null,
  vatPct: 10,
};

/** Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The quote for an application: booths, corner/island surcharges, early-bird discount, VAT. */
export function computeFee(schedule: FeeSchedule, input: FeeInput): FeeQuote {
  assertSchedule(schedule);
  assertWholeNumber('boothCount', input.boothCount, 1);
  const price = schedule.pricePerBoothKrw[input.boothType];
  if (price === undefined) throw new RangeError(`no price for booth type "${String(input.boothType)}"`);

  const booths: FeeLine = { code: 'booths', quantity: input.boothCount, unitKrw: price, amountKrw: input.boothCount * price };
  const lines: FeeLine[] = [booths];
  const unitsOf = (kind: BoothKind): number =>
    (input.booths ?? []).reduce((sum, b) => (b.kind === kind ? sum + assertWholeNumber('booth units', b.units, 1) : sum), 0);
  const surcharge = (code: FeeLine['code'], units: number, pct: number): void => {
    const unitKrw = Math.round((price * pct) / 100);
    if (units * unitKrw !== 0) lines.push({ code, quantity: units, unitKrw, amountKrw: units * unitKrw });
  };
  surcharge('corner_surcharge', unitsOf('corner'), schedule.cornerSurchargePct);
  surcharge('island_surcharge', unitsOf('island'), schedule.islandSurchargePct);

  const pricedOn = seoulDate(input.submittedAt ?? input.now);
  const earlyBird = schedule.earlyBirdUntil !== null && pricedOn <= schedule.earlyBirdUntil;
  if (earlyBird) {
    const subtotal = lines.reduce((sum, l) => sum + l.amountKrw, 0);
    const discount = Math.round((subtotal * schedule.earlyBirdDiscountPct) / 100);
    if (discount !== 0) lines.push({ code: 'early_bird_discount', quantity: 1, unitKrw: -discount, amountKrw: -discount });
  }

  const netKrw = lines.reduce((sum, l) => sum + l.amountKrw, 0);
  const vatKrw = Math.round((netKrw * schedule.vatPct) / 100);
  return { lines, netKrw, vatKrw, totalKrw: netKrw + vatKrw, earlyBird };
}

/** YYYY-MM-DD of the instant in Asia/Seoul; compares as a string. */
function seoulDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('the submission time is not a valid date');
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

function assertSchedule(s: FeeSchedule): void {
  for (const [type, price] of Object.entries(s.pricePerBoothKrw)) assertWholeNumber(`price of ${type}`, price, 0);
  for (const [name, pct] of [['cornerSurchargePct', s.cornerSurchargePct], ['islandSurchargePct', s.islandSurchargePct],
    ['earlyBirdDiscountPct', s.earlyBirdDiscountPct], ['vatPct', s.vatPct]] as const) {
    if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw new RangeError(`${name} must be between 0 and 100, got ${pct}`);
  }
  // A malformed date would compare as a string and silently grant or deny the discount.
  if (s.earlyBirdUntil !== null && !/^\d{4}-\d{2}-\d{2}$/.test(s.earlyBirdUntil)) {
    throw new RangeError(`earlyBirdUntil must be YYYY-MM-DD, got "${s.earlyBirdUntil}"`);
  }
}

function assertWholeNumber(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
  return value;
}
