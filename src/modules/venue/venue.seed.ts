import type { EntityManager } from 'typeorm';
import type { SpaceKind } from './entities/venue-space.entity';
import { DEFAULT_TIME_ZONE } from '../../core/time/zoned-time';

/**
 * The Kim Dae-jung Convention Center as reference data. Figures come from press coverage of
 * its opening (2005) and of the Second Convention Center (2013); every figure not found there
 * is listed in `assumedFields` so nobody mistakes it for a fact.
 */
export const KDJ_CENTER = {
  code: 'kdj-center',
  nameKo: '김대중컨벤션센터',
  nameEn: 'Kim Dae-jung Convention Center',
  addressKo: '광주광역시 서구 상무누리로 30',
  addressEn: '30 Sangmunuri-ro, Seo-gu, Gwangju, Republic of Korea',
  timezone: DEFAULT_TIME_ZONE,
  // Assumed: the venue's published hours were not found; 07:00–23:00 covers set-up and evening events.
  opensAt: '07:00',
  closesAt: '23:00',
};

const OPENING_2005 = 'Dong-A Ilbo, 2005-08-02: exhibition hall 3,267 pyeong (~10,800 m²), 500 booths of 3 m × 3 m, divisible; convention hall for about 2,000 people';
const SECOND_CENTER_2013 = 'G-eNews, 2013-06-11: Second Convention Center, multipurpose hall 2,955 m² with 3,000 seats, 19 small and medium meeting rooms on floors 2 and 3';

interface SpaceSeed {
  code: string;
  nameKo: string;
  nameEn: string;
  kind: SpaceKind;
  building: string;
  floor: number;
  areaM2: number | null;
  seats: number | null;
  capacityClassroom?: number | null;
  capacityBanquet?: number | null;
  boothCapacity: number | null;
  assumedFields: string[];
  source: string | null;
  /** Codes of the spaces this one is made of (a combinable space). */
  parts?: string[];
}

const meetingRoom = (floor: number, n: number): SpaceSeed => ({
  code: `R${floor}0${n}`,
  nameKo: `제2센터 ${floor}0${n}호 회의실`,
  nameEn: `Meeting Room ${floor}0${n} (Second Center)`,
  kind: 'meeting_room',
  building: 'second',
  floor,
  areaM2: n <= 2 ? 150 : 75,
  seats: n <= 2 ? 120 : 50,
  capacityClassroom: n <= 2 ? 72 : 30,
  capacityBanquet: n <= 2 ? 80 : 32,
  boothCapacity: null,
  assumedFields: ['code', 'nameKo', 'nameEn', 'areaM2', 'seats', 'capacityClassroom', 'capacityBanquet'],
  source: SECOND_CENTER_2013,
});

export const KDJ_SPACES: SpaceSeed[] = [
  {
    code: 'EXH', nameKo: '전시장 전체', nameEn: 'Exhibition Hall (whole)', kind: 'exhibition_hall', building: 'main', floor: 1,
    areaM2: 10800, seats: null, boothCapacity: 500, assumedFields: ['parts'], source: OPENING_2005, parts: ['EXH1', 'EXH2'],
  },
  {
    code: 'EXH1', nameKo: '전시장 1홀', nameEn: 'Exhibition Hall 1', kind: 'exhibition_hall', building: 'main', floor: 1,
    areaM2: 5400, seats: null, boothCapacity: 250, assumedFields: ['code', 'areaM2', 'boothCapacity'],
    source: `${OPENING_2005}; the split into two equal halves is assumed`,
  },
  {
    code: 'EXH2', nameKo: '전시장 2홀', nameEn: 'Exhibition Hall 2', kind: 'exhibition_hall', building: 'main', floor: 1,
    areaM2: 5400, seats: null, boothCapacity: 250, assumedFields: ['code', 'areaM2', 'boothCapacity'],
    source: `${OPENING_2005}; the split into two equal halves is assumed`,
  },
  {
    code: 'CONV', nameKo: '컨벤션홀', nameEn: 'Convention Hall', kind: 'convention_hall', building: 'main', floor: 3,
    areaM2: 2300, seats: 2000, capacityClassroom: 1100, capacityBanquet: 1200, boothCapacity: null,
    assumedFields: ['floor', 'areaM2', 'capacityClassroom', 'capacityBanquet'], source: OPENING_2005,
  },
  {
    code: 'MPH', nameKo: '다목적홀', nameEn: 'Multipurpose Hall (Second Center)', kind: 'multipurpose_hall', building: 'second', floor: 1,
    areaM2: 2955, seats: 3000, capacityClassroom: 1500, capacityBanquet: 1600, boothCapacity: 130,
    assumedFields: ['boothCapacity', 'capacityClassroom', 'capacityBanquet'], source: SECOND_CENTER_2013,
  },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => meetingRoom(2, n)),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => meetingRoom(3, n)),
  {
    code: 'R201-202', nameKo: '제2센터 201+202호 회의실', nameEn: 'Meeting Room 201+202 (Second Center)', kind: 'meeting_room',
    building: 'second', floor: 2, areaM2: 300, seats: 240, capacityClassroom: 144, capacityBanquet: 160, boothCapacity: null,
    assumedFields: ['code', 'nameKo', 'nameEn', 'areaM2', 'seats', 'capacityClassroom', 'capacityBanquet', 'parts'],
    source: `${SECOND_CENTER_2013}; the movable wall between rooms 201 and 202 is assumed`, parts: ['R201', 'R202'],
  },
];

/** Inserts what is missing; never overwrites what organizers may have changed. Returns the venue id. */
export async function seedKdjCenter(manager: EntityManager): Promise<string> {
  await manager.query(
    `INSERT INTO venues (code, name_ko, name_en, address_ko, address_en, timezone, opens_at, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING`,
    [KDJ_CENTER.code, KDJ_CENTER.nameKo, KDJ_CENTER.nameEn, KDJ_CENTER.addressKo, KDJ_CENTER.addressEn, KDJ_CENTER.timezone, KDJ_CENTER.opensAt, KDJ_CENTER.closesAt],
  );
  const [{ id: venueId }]: Array<{ id: string }> = await manager.query(`SELECT id FROM venues WHERE code = $1`, [KDJ_CENTER.code]);
  for (const s of KDJ_SPACES) {
    await manager.query(
      `INSERT INTO venue_spaces (venue_id, code, name_ko, name_en, kind, building, floor, area_m2, seats, capacity_classroom,
         capacity_banquet, booth_capacity, assumed_fields, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (venue_id, code) DO NOTHING`,
      [venueId, s.code, s.nameKo, s.nameEn, s.kind, s.building, s.floor, s.areaM2, s.seats, s.capacityClassroom ?? null,
        s.capacityBanquet ?? null, s.boothCapacity, s.assumedFields, s.source],
    );
  }
  for (const whole of KDJ_SPACES.filter((s) => s.parts)) {
    await manager.query(
      `INSERT INTO venue_space_parts (whole_space_id, part_space_id)
       SELECT w.id, p.id FROM venue_spaces w JOIN venue_spaces p ON p.venue_id = w.venue_id AND p.code = ANY($3)
        WHERE w.venue_id = $1 AND w.code = $2
       ON CONFLICT DO NOTHING`,
      [venueId, whole.code, whole.parts],
    );
  }
  return venueId;
}
