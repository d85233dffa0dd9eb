import type { EntityManager } from 'typeorm';
import { generateBoothPlan } from '../domain/booth-plan';
import { DEFAULT_FEE_SCHEDULE } from '../domain/fees';

/**
 * Exhibition terms, halls and booth plans for every edition open for registration that has
 * none yet. Assumed figures (the KDJ Center's tariff and floor plans are not in our sources):
 * halls EXH1 and EXH2 with 11 rows of 20 booths plus one row of 6 m × 6 m islands (240 units
 * each), a deadline 60 days before opening, early bird until 120 days before.
 */
export async function seedExhibitions(manager: EntityManager): Promise<void> {
  const editions: Array<{ id: string; startsOn: string; venueId: string }> = await manager.query(
    `SELECT e.id, to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", e.venue_id AS "venueId" FROM fair_editions e
      WHERE e.status = 'registration_open' AND NOT EXISTS (SELECT 1 FROM edition_exhibitor_terms t WHERE t.edition_id = e.id)`,
  );
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
    for (const [code, prefix] of [['EXH1', '1'], ['EXH2', '2']] as const) {
      const [hall]: Array<{ id: string }> = await manager.query(`SELECT id FROM venue_spaces WHERE venue_id = $1 AND code = $2`, [edition.venueId, code]);
      if (!hall) continue;
      const plan = generateBoothPlan({ prefix, rows: 12, boothsPerRow: 20, islandRows: 1 });
      const units = plan.reduce((sum, b) => sum + b.units, 0);
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
