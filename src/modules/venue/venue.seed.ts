import type { EntityManager } from 'typeorm';
import type { SpaceKind } from './entities/venue-space.entity';

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
  timezone: 'Asia/Seoul',
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
  boothCapacity: number | null;
  assumedFields: string[];
  source: string | null;
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
  boothCapacity: null,
  assumedFields: ['code', 'nameKo', 'nameEn', 'areaM2', 'seats'],
  source: SECOND_CENTER_2013,
});

export const KDJ_SPACES: SpaceSeed[] = [
  {
    code: 'EXH', nameKo: '전시장', nameEn: 'Exhibition Hall (whole)', kind: 'exhibition_hall', building: 'main', floor: 1,
    areaM2: 10800, seats: null, boothCapacity: 500, assumedFields: [], source: OPENING_2005,
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
    areaM2: 2300, seats: 2000, boothCapacity: null, assumedFields: ['floor', 'areaM2'], source: OPENING_2005,
  },
  {
    code: 'MPH', nameKo: '다목적홀', nameEn: 'Multipurpose Hall (Second Center)', kind: 'multipurpose_hall', building: 'second', floor: 1,
    areaM2: 2955, seats: 3000, boothCapacity: 130, assumedFields: ['boothCapacity'], source: SECOND_CENTER_2013,
  },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => meetingRoom(2, n)),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => meetingRoom(3, n)),
];

/** Inserts what is missing; never overwrites what organizers may have changed. Returns the venue id. */
export async function seedKdjCenter(manager: EntityManager): Promise<string> {
  await manager.query(
    `INSERT INTO venues (code, name_ko, name_en, address_ko, address_en, timezone)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
    [KDJ_CENTER.code, KDJ_CENTER.nameKo, KDJ_CENTER.nameEn, KDJ_CENTER.addressKo, KDJ_CENTER.addressEn, KDJ_CENTER.timezone],
  );
  const [{ id: venueId }]: Array<{ id: string }> = await manager.query(`SELECT id FROM venues WHERE code = $1`, [KDJ_CENTER.code]);
  for (const s of KDJ_SPACES) {
    await manager.query(
      `INSERT INTO venue_spaces (venue_id, code, name_ko, name_en, kind, building, floor, area_m2, seats, booth_capacity, assumed_fields, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (venue_id, code) DO NOTHING`,
      [venueId, s.code, s.nameKo, s.nameEn, s.kind, s.building, s.floor, s.areaM2, s.seats, s.boothCapacity, s.assumedFields, s.source],
    );
  }
  return venueId;
}
