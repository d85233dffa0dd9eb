import { ErrorCode } from '../../../core/errors/domain-error';
import type { DecisionRefusal } from '../applications/application-review.service';
import type { BoothPlanData } from '../booths/booths.service';
import type { BoothResponse } from '../dto/booth.dto';
import type { BoothMessageKey } from './booth-plan-console.messages';

/*
 * The booth pages' decisions as pure functions: where each booth is drawn, what state it is in,
 * who may get a free booth, and how a refusal reads.
 */

export const BOOTHS_PAGE = '/console/booths';
export const BOOTH_CODE = /^[A-Z0-9-]{1,12}$/;

/** free: nobody's; reserved: given to an application that still needs more; sold: its application has all its booths. */
export type BoothState = 'free' | 'reserved' | 'sold';
export const BOOTH_STATES: readonly BoothState[] = ['sold', 'reserved', 'free'];

type Applications = BoothPlanData['applications'];

export function boothState(b: Pick<BoothResponse, 'applicationId'>, applications: Applications): BoothState {
  if (!b.applicationId) return 'free';
  const a = applications.find((x) => x.id === b.applicationId);
  return a && a.assignedUnits < a.boothCount ? 'reserved' : 'sold';
}

export interface PlacedBooth extends BoothResponse {
  state: BoothState;
  /** In decimetres on the plan: x along the row, y across rows. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HallLayout {
  code: string;
  width: number;
  height: number;
  rows: Array<{ row: string; y: number; h: number }>;
  booths: PlacedBooth[];
  counts: Record<BoothState, number> & { total: number };
}

/** Room for the row letters at the left, and the aisle between rows, in decimetres. */
export const LABEL_W = 30;
export const AISLE = 20;

function compareRows(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The hall's booths on a grid: a row per row letter (A at the top), booths in position order,
 * each as wide and deep as it is (an island is a double booth), aisles between the rows.
 */
export function layoutHall(hall: string, booths: BoothResponse[], applications: Applications): HallLayout {
  const mine = booths.filter((b) => b.hall === hall);
  const rowNames = [...new Set(mine.map((b) => b.row))].sort(compareRows);
  const placed: PlacedBooth[] = [];
  const rows: HallLayout['rows'] = [];
  let y = 0;
  let width = 0;
  for (const row of rowNames) {
    const inRow = mine.filter((b) => b.row === row).sort((a, b) => a.position - b.position);
    const depth = Math.max(...inRow.map((b) => Math.round(b.depthM * 10)));
    let x = LABEL_W;
    for (const b of inRow) {
      const w = Math.round(b.widthM * 10);
      placed.push({ ...b, state: boothState(b, applications), x, y, w, h: Math.round(b.depthM * 10) });
      x += w;
    }
    width = Math.max(width, x);
    rows.push({ row, y, h: depth });
    y += depth + AISLE;
  }
  const counts = { free: 0, reserved: 0, sold: 0, total: placed.length };
  for (const b of placed) counts[b.state]++;
  return { code: hall, width: Math.max(width, LABEL_W), height: Math.max(0, y - AISLE), rows, booths: placed, counts };
}

/** The approved applications of the booth's hall that still need at least this booth's units. */
export function candidatesFor(booth: Pick<BoothResponse, 'hall' | 'units'>, applications: Applications): Applications {
  return applications.filter((a) => a.hall === booth.hall && a.boothCount - a.assignedUnits >= booth.units);
}

/** Approved applications with no booth yet: what the automatic assignment would serve. */
export function waitingCount(applications: Applications): number {
  return applications.filter((a) => a.assignedUnits === 0).length;
}

/** Why an assignment or release was refused, as a message key. */
export function boothRefusal(r: DecisionRefusal): BoothMessageKey {
  if (r.code === ErrorCode.Conflict) return r.reason === 'free' ? 'err_free' : 'err_taken';
  if (r.code === ErrorCode.IllegalTransition) return 'err_state';
  if (r.code === ErrorCode.ValidationFailed) return r.field === 'hall' ? 'err_hall' : r.field === 'units' ? 'err_units' : 'err_other';
  return 'err_other';
}

/** 3×3 / 6×6: metres without trailing zeros. */
export function metres(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
