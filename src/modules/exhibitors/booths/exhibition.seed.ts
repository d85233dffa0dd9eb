import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { editionHallHolder } from '../../fairs/domain/holder-labels';
import { seedSpaceHoldings } from '../../venue/space-holdings.service';
import { generateBoothPlan } from '../domain/booth-plan';
import { DEFAULT_FEE_SCHEDULE } from '../domain/fees';

/**
 * The halls each seeded edition sells. Green Car and IoT run on the same days (as in 2018), so
 * they share the exhibition hall, one half each, instead of both selling all of it (assumed,
 * see the editions' assumedFields); any other edition gets both halves.
 */
export const SEEDED_HALLS: Record<string, ReadonlyArray<readonly [code: string, prefix: string]>> = {
  'green-car-2027': [['EXH1', '1']],
  'iot-appliance-robot-2027': [['EXH2', '2']],
};
const BOTH_HALLS = [['EXH1', '1'], ['EXH2', '2']] as const;

/**
 * Exhibition terms, halls and booth plans for every edition open for registration that has
 * none yet. Assumed figures (the KDJ Center's tariff and floor plans are not in our sources):
 * 10 rows of 20 booths plus one row of 6 m × 6 m islands (240 units, within the 250 a hall
 * holds), a deadline 60 days before opening, early bird until 120 days before. Each hall is
 * booked at the venue for the edition's days with build-up and tear-down; a hall already held
 * then (an older database) is left out, not oversold.
 */
export async function seedExhibitions(manager: EntityManager): Promise<void> {
  const editions: Array<{ id: string; code: string; year: number; startsOn: string; endsOn: string; buildUpDays: number; tearDownDays: number; venueId: string; nameKo: string; nameEn: string }> =
    await manager.query(
      `SELECT e.id, e.code, e.year, to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn",
              e.build_up_days AS "buildUpDays", e.tear_down_days AS "tearDownDays", e.venue_id AS "venueId", s.name_ko AS "nameKo", s.name_en AS "nameEn"
         FROM fair_editions e JOIN fair_series s ON s.id = e.series_id
        WHERE e.status = 'registration_open' AND NOT EXISTS (SELECT 1 FROM edition_exhibitor_terms t WHERE t.edition_id = e.id)
        ORDER BY e.starts_on, e.code`,
    );
  const holdings = seedSpaceHoldings(manager);
  for (const edition of editions) {
    const opens = new Date(`${edition.startsOn}T10:00:00+09:00`);
    const deadline = new Date(opens.getTime() - 60 * 86_400_000);
    const earlyBird = new Date(opens.getTime() - 120 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
    const s = DEFAULT_FEE_SCHEDULE;
    await manager.query(
      `INSERT INTO edition_exhibitor_terms (edition_id, registration_deadline, early_bird_until, price_raw_space_krw, price_shell_scheme_krw,
                                            corner_surcharge_pct, island_surcharge_pct, early_bird_discount_pct, vat_pct)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (edition_id) DO NOTHING`,
      [edition.id, deadline, earlyBird, s.pricePerBoothKrw.raw_space, s.pricePerBoothKrw.shell_scheme, s.cornerSurchargePct, s.islandSurchargePct, s.earlyBirdDiscountPct, s.vatPct],
    );
    for (const [code, prefix] of SEEDED_HALLS[edition.code] ?? BOTH_HALLS) {
      const [hall]: Array<{ id: string; boothCapacity: number | null }> = await manager.query(
        `SELECT id, booth_capacity AS "boothCapacity" FROM venue_spaces WHERE venue_id = $1 AND code = $2`, [edition.venueId, code],
      );
      if (!hall?.boothCapacity) continue;
      const plan = generateBoothPlan({ prefix, rows: 11, boothsPerRow: 20, islandRows: 1 });
      const units = Math.min(hall.boothCapacity, plan.reduce((sum, b) => sum + b.units, 0));
      try {
        await holdings.holdDays(manager, {
          holder: editionHallHolder({ id: edition.id, year: edition.year, series: { nameKo: edition.nameKo, nameEn: edition.nameEn } }, hall.id),
          spaceId: hall.id, editionId: edition.id, firstDay: edition.startsOn, lastDay: edition.endsOn,
          daysBefore: edition.buildUpDays, daysAfter: edition.tearDownDays, by: null,
        });
      } catch (error) {
        // Found before anything was written (the check runs before the insert), so the seed goes on.
        if (error instanceof DomainError && error.code === ErrorCode.BookingConflict) continue;
        throw error;
      }
      await manager.query(
        `INSERT INTO edition_halls (edition_id, space_id, booth_capacity) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [edition.id, hall.id, units],
      );
      await manager.query(
        `INSERT INTO booths (edition_id, hall_id, code, row, position, width_m, depth_m, units, kind)
         SELECT $1, $2, b.code, b.row, b.position, b.width_m, b.depth_m, b.units, b.kind
           FROM jsonb_to_recordset($3::jsonb) AS b(code text, row text, position int, width_m numeric, depth_m numeric, units int, kind text)
         ON CONFLICT (edition_id, code) DO NOTHING`,
        [edition.id, hall.id, JSON.stringify(plan.map((b) => ({ code: b.code, row: b.row, position: b.position, width_m: b.widthM, depth_m: b.depthM, units: b.units, kind: b.kind })))],
      );
    }
  }
}
