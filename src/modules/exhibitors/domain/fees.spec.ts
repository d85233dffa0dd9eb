import { computeFee, DEFAULT_FEE_SCHEDULE, type FeeInput, type FeeSchedule } from './fees';

const NOW = new Date('2027-05-01T00:00:00Z');
const schedule = (over: Partial<FeeSchedule> = {}): FeeSchedule => ({ ...DEFAULT_FEE_SCHEDULE, ...over });
const input = (over: Partial<FeeInput> = {}): FeeInput => ({ boothType: 'shell_scheme', boothCount: 1, submittedAt: NOW, now: NOW, ...over });

describe('computeFee', () => {
  it('prices unassigned booths as inline: one booths line, VAT on top', () => {
    expect(computeFee(schedule(), input())).toEqual({
      lines: [{ code: 'booths', quantity: 1, unitKrw: 2_600_000, amountKrw: 2_600_000 }],
      netKrw: 2_600_000, vatKrw: 260_000, totalKrw: 2_860_000, earlyBird: false,
    });
  });

  it('prices each booth type from the schedule', () => {
    expect(computeFee(schedule(), input({ boothType: 'raw_space', boothCount: 3 })).lines).toEqual([
      { code: 'booths', quantity: 3, unitKrw: 2_200_000, amountKrw: 6_600_000 },
    ]);
  });

  it('adds a surcharge per unit of corner and island booths', () => {
    const quote = computeFee(schedule(), input({
      boothType: 'raw_space', boothCount: 7,
      booths: [{ kind: 'corner', units: 1 }, { kind: 'inline', units: 1 }, { kind: 'corner', units: 1 }, { kind: 'island', units: 4 }],
    }));
    expect(quote.lines).toEqual([
      { code: 'booths', quantity: 7, unitKrw: 2_200_000, amountKrw: 15_400_000 },
      { code: 'corner_surcharge', quantity: 2, unitKrw: 220_000, amountKrw: 440_000 },
      { code: 'island_surcharge', quantity: 4, unitKrw: 330_000, amountKrw: 1_320_000 },
    ]);
    expect(quote).toMatchObject({ netKrw: 17_160_000, vatKrw: 1_716_000, totalKrw: 18_876_000 });
  });

  it('omits zero lines but always keeps the booths line', () => {
    const free = schedule({ pricePerBoothKrw: { raw_space: 0, shell_scheme: 0 }, earlyBirdUntil: '2099-12-31' });
    const quote = computeFee(free, input({ booths: [{ kind: 'corner', units: 1 }] }));
    expect(quote).toEqual({ lines: [{ code: 'booths', quantity: 1, unitKrw: 0, amountKrw: 0 }], netKrw: 0, vatKrw: 0, totalKrw: 0, earlyBird: true });
    expect(computeFee(schedule({ cornerSurchargePct: 0 }), input({ booths: [{ kind: 'corner', units: 1 }] })).lines.map((l) => l.code)).toEqual(['booths']);
  });

  it('rounds the surcharge per unit to whole won, then multiplies', () => {
    const odd = schedule({ pricePerBoothKrw: { raw_space: 1_000_005, shell_scheme: 1_000_005 } });
    const line = computeFee(odd, input({ boothCount: 3, booths: [{ kind: 'corner', units: 3 }] })).lines[1];
    expect(line).toEqual({ code: 'corner_surcharge', quantity: 3, unitKrw: 100_001, amountKrw: 300_003 });
  });

  it('discounts booths and surcharges together in the early-bird period, as a negative line', () => {
    const quote = computeFee(schedule({ earlyBirdUntil: '2027-05-01' }), input({ boothType: 'raw_space', boothCount: 4, booths: [{ kind: 'island', units: 4 }] }));
    expect(quote.lines.at(-1)).toEqual({ code: 'early_bird_discount', quantity: 1, unitKrw: -1_012_000, amountKrw: -1_012_000 });
    expect(quote).toMatchObject({ netKrw: 9_108_000, vatKrw: 910_800, totalKrw: 10_018_800, earlyBird: true });
  });

  it('rounds the discount and VAT to whole won', () => {
    const odd = schedule({ pricePerBoothKrw: { raw_space: 15, shell_scheme: 15 }, earlyBirdDiscountPct: 10, earlyBirdUntil: '2099-01-01', vatPct: 10 });
    // 15 − round(1.5) = 13; VAT round(1.3) = 1.
    expect(computeFee(odd, input())).toMatchObject({ netKrw: 13, vatKrw: 1, totalKrw: 14 });
  });

  it('decides the early bird on the Seoul calendar date, inclusive', () => {
    const s = schedule({ earlyBirdUntil: '2027-03-31' });
    expect(computeFee(s, input({ submittedAt: new Date('2027-03-31T14:59:59Z') })).earlyBird).toBe(true); // 23:59:59 on 03-31 in Seoul
    expect(computeFee(s, input({ submittedAt: new Date('2027-03-31T15:00:00Z') })).earlyBird).toBe(false); // 00:00 on 04-01 in Seoul
    expect(computeFee(s, input({ submittedAt: new Date('2027-03-30T15:00:00Z') })).earlyBird).toBe(true); // 00:00 on 03-31 in Seoul
  });

  it('prices an unsubmitted application as if submitted now', () => {
    const s = schedule({ earlyBirdUntil: '2027-03-31' });
    expect(computeFee(s, input({ submittedAt: null, now: new Date('2027-03-31T14:00:00Z') })).earlyBird).toBe(true);
    expect(computeFee(s, input({ submittedAt: null, now: new Date('2027-04-02T00:00:00Z') })).earlyBird).toBe(false);
    // Once submitted, the submission time counts, not the clock.
    expect(computeFee(s, input({ submittedAt: new Date('2027-03-01T00:00:00Z'), now: new Date('2027-06-01T00:00:00Z') })).earlyBird).toBe(true);
  });

  it('has no early bird without a date', () => {
    expect(computeFee(schedule({ earlyBirdUntil: null }), input({ submittedAt: new Date('2000-01-01T00:00:00Z') })).earlyBird).toBe(false);
  });

  it('rejects inputs that would give a wrong price rather than guess', () => {
    expect(() => computeFee(schedule(), input({ boothCount: 0 }))).toThrow(RangeError);
    expect(() => computeFee(schedule(), input({ boothCount: 1.5 }))).toThrow('boothCount must be a whole number');
    expect(() => computeFee(schedule(), input({ booths: [{ kind: 'corner', units: -1 }] }))).toThrow('booth units');
    expect(() => computeFee(schedule({ vatPct: -10 }), input())).toThrow('vatPct');
    expect(() => computeFee(schedule({ earlyBirdUntil: '31.03.2027' }), input())).toThrow('earlyBirdUntil must be YYYY-MM-DD');
    expect(() => computeFee(schedule({ pricePerBoothKrw: { raw_space: 1.5, shell_scheme: 2 } }), input())).toThrow('price of raw_space');
    expect(() => computeFee(schedule(), input({ submittedAt: new Date('nope') }))).toThrow('not a valid date');
  });

  it('keeps the assumed default figures', () => {
    expect(DEFAULT_FEE_SCHEDULE).toEqual({
      pricePerBoothKrw: { raw_space: 2_200_000, shell_scheme: 2_600_000 },
      cornerSurchargePct: 10, islandSurchargePct: 15, earlyBirdDiscountPct: 10, earlyBirdUntil: null, vatPct: 10,
    });
  });
});
