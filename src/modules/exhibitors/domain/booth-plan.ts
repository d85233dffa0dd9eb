import type { BoothKind } from './fees';

export interface PlannedBooth {
  code: string;
  row: string;
  /** 1-based; consecutive positions in a row are adjacent booths (allocation joins them). */
  position: number;
  widthM: number;
  depthM: number;
  /** 9 m² units: what the exhibitor pays for. */
  units: number;
  kind: BoothKind;
}

export interface BoothPlanOptions {
  /** Put before every code, e.g. '1' for hall 1. */
  prefix: string;
  /** Rows A, B, … (at most 26). */
  rows: number;
  boothsPerRow: number;
  /** The last N rows hold 6 m × 6 m islands (4 units), boothsPerRow / 2 of them. */
  islandRows?: number;
}

export const BOOTH_CODE_PATTERN = /^[A-Z0-9-]{1,12}$/;
const KINDS: readonly BoothKind[] = ['inline', 'corner', 'island'];
const UNIT_M2 = 9;

/** A standard grid: 3 m × 3 m booths with corners at both ends of each row, islands in the last rows. */
export function generateBoothPlan(options: BoothPlanOptions): PlannedBooth[] {
  const { prefix, rows, boothsPerRow, islandRows = 0 } = options;
  // The code is prefix + row letter + two digits, and must stay within BOOTH_CODE_PATTERN.
  if (!/^[A-Z0-9-]{0,9}$/.test(prefix)) throw new RangeError(`prefix must be at most 9 of A–Z, 0–9 or -, got "${prefix}"`);
  if (!Number.isInteger(rows) || rows < 1 || rows > 26) throw new RangeError(`rows must be a whole number from 1 to 26 (one letter each), got ${rows}`);
  if (!Number.isInteger(boothsPerRow) || boothsPerRow < 1 || boothsPerRow > 99) {
    throw new RangeError(`boothsPerRow must be a whole number from 1 to 99 (two-digit positions), got ${boothsPerRow}`);
  }
  if (!Number.isInteger(islandRows) || islandRows < 0 || islandRows > rows) {
    throw new RangeError(`islandRows must be a whole number from 0 to rows (${rows}), got ${islandRows}`);
  }
  // An island is two standard booths wide; an odd row would leave a 3 m gap nobody can book.
  if (islandRows > 0 && boothsPerRow % 2 !== 0) throw new RangeError(`boothsPerRow must be even when there are island rows, got ${boothsPerRow}`);

  const booths: PlannedBooth[] = [];
  for (let r = 0; r < rows; r++) {
    const row = String.fromCharCode(65 + r);
    const island = r >= rows - islandRows;
    const count = island ? boothsPerRow / 2 : boothsPerRow;
    for (let position = 1; position <= count; position++) {
      const code = `${prefix}${row}${String(position).padStart(2, '0')}`;
      if (island) booths.push({ code, row, position, widthM: 6, depthM: 6, units: 4, kind: 'island' });
      else booths.push({ code, row, position, widthM: 3, depthM: 3, units: 1, kind: position === 1 || position === count ? 'corner' : 'inline' });
    }
  }
  return booths;
}

/** Problems in an uploaded plan, one readable sentence each; empty when the plan is usable. */
export function validateBoothPlan(booths: PlannedBooth[]): string[] {
  const problems: string[] = [];
  const codeCount = new Map<string, number>();
  const places = new Map<string, string>();
  booths.forEach((b, i) => {
    const label = typeof b.code === 'string' && b.code !== '' ? `booth ${b.code}` : `booth #${i + 1}`;
    if (typeof b.code !== 'string' || !BOOTH_CODE_PATTERN.test(b.code)) {
      problems.push(`${label}: the code must be 1 to 12 of A–Z, 0–9 or -, got ${JSON.stringify(b.code)}`);
    } else {
      codeCount.set(b.code, (codeCount.get(b.code) ?? 0) + 1);
    }
    if (!KINDS.includes(b.kind)) problems.push(`${label}: the kind must be inline, corner or island, got ${JSON.stringify(b.kind)}`);
    if (typeof b.row !== 'string' || b.row.trim() === '') problems.push(`${label}: the row is missing`);
    if (!Number.isInteger(b.position) || b.position < 1) problems.push(`${label}: the position must be a whole number from 1, got ${JSON.stringify(b.position)}`);
    const sized = isPositive(b.widthM) && isPositive(b.depthM);
    if (!sized) problems.push(`${label}: width and depth must be positive numbers of metres`);
    if (!Number.isInteger(b.units) || b.units < 1) {
      problems.push(`${label}: units must be a whole number from 1, got ${JSON.stringify(b.units)}`);
    } else if (sized) {
      const expected = Math.round((b.widthM * b.depthM) / UNIT_M2);
      if (b.units !== expected) problems.push(`${label}: ${b.widthM} m × ${b.depthM} m is ${expected} unit(s) of 9 m², not ${b.units}`);
    }
    // Allocation treats consecutive positions as adjacent, so a place may hold only one booth.
    if (typeof b.row === 'string' && Number.isInteger(b.position)) {
      const place = `${b.row}|${b.position}`;
      const other = places.get(place);
      if (other !== undefined) problems.push(`${label}: row ${b.row} position ${b.position} is already taken by ${other}`);
      else places.set(place, label);
    }
  });
  for (const [code, count] of codeCount) if (count > 1) problems.push(`booth code ${code} appears ${count} times`);
  return problems;
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
