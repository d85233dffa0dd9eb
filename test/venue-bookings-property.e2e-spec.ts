import fc from 'fast-check';
import { bearer, startTestApp, type TestApp } from './support/test-app';

const BOOKINGS = '/api/venues/kdj-center/bookings';
/** Spaces whose combinations interact: R201-202 is made of R201 and R202. */
const LEAVES: Record<string, string[]> = { R201: ['R201'], R202: ['R202'], 'R201-202': ['R201', 'R202'] };

type Op =
  | { kind: 'book'; space: keyof typeof LEAVES; start: number; length: number; setup: number }
  | { kind: 'cancel'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('book' as const), space: fc.constantFrom('R201', 'R202', 'R201-202'), start: fc.integer({ min: 16, max: 40 }), length: fc.integer({ min: 1, max: 6 }), setup: fc.constantFrom(0, 0, 30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

/**
 * T2: random bookings (back-to-back, contained, identical, through combined spaces, cancelled)
 * against an in-memory oracle: the database accepts exactly what the oracle accepts.
 */
describe('venue bookings against an oracle (property)', () => {
  let t: TestApp;
  let organizer: string;
  let run = 0;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts and refuses exactly as the oracle, and ends with the same active bookings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        run++;
        const day = new Date(Date.UTC(2028, 0, 1) + run * 86400_000).toISOString().slice(0, 10);
        // Half-hour units from midnight, local time.
        const at = (units: number): string => `${day}T${String(Math.floor(units / 2)).padStart(2, '0')}:${units % 2 ? '30' : '00'}:00+09:00`;
        const active: Array<{ id: string; leaves: string[]; from: number; until: number }> = [];
        for (const o of ops) {
          if (o.kind === 'cancel') {
            if (active.length === 0) continue;
            const [victim] = active.splice(o.pick % active.length, 1);
            await t.http.post(`${BOOKINGS}/${victim.id}/cancel`).set('Authorization', organizer).send({}).expect(200);
            continue;
          }
          const from = o.start - o.setup / 30;
          const until = o.start + o.length;
          const expectAccepted = !active.some((a) => a.leaves.some((l) => LEAVES[o.space].includes(l)) && a.from < until && from < a.until);
          const res = await t.http
            .post(BOOKINGS)
            .set('Authorization', organizer)
            .send({ space: o.space, startsAt: at(o.start), endsAt: at(o.start + o.length), setupMinutes: o.setup, purpose: `run ${run}` });
          expect({ op: o, status: res.status }).toEqual({ op: o, status: expectAccepted ? 201 : 409 });
          if (res.status === 201) active.push({ id: res.body.id as string, leaves: LEAVES[o.space], from, until });
        }
        const inDb = await t.db.pool.query(`SELECT id FROM venue_bookings WHERE purpose = $1 AND status = 'held' ORDER BY id`, [`run ${run}`]);
        expect(inDb.rows.map((r: { id: string }) => r.id)).toEqual(active.map((a) => a.id).sort());
      }),
      { numRuns: 40, seed: 20271125 },
    );
  });
});
