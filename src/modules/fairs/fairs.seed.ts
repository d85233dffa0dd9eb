import type { EntityManager } from 'typeorm';
import type { EditionStatus } from './entities/fair-edition.entity';

/** Source text: ../shared/seed (Invest KOREA, "The Current status of Industrial Clusters"). */
const SEED_SOURCE = 'Invest KOREA, Industrial Clusters: Automobile Industry';

export const FAIR_SERIES = [
  {
    code: 'green-car',
    nameKo: '국제그린카산업전시회',
    nameEn: 'International Green Car Industry Fair',
    sector: 'Green cars and automotive parts',
    descriptionKo: '광주의 자동차산업 정책을 알리고, 우수 제품 전시·학술회의·수출상담회를 통해 정보를 교류하고 신시장 진출을 지원합니다.',
    descriptionEn:
      "Promotes Gwangju's automobile industry policies, exchanges information and supports entry into new markets through an exhibition of excellent products, an academic conference and export business meetings.",
    assumedFields: ['nameKo', 'descriptionKo'],
  },
  {
    code: 'ppuri',
    nameKo: '국제뿌리산업전시회',
    nameEn: 'International Manufacturing Technology (PPURI) Fair',
    sector: 'Root manufacturing technology: casting, welding, mold, heat treatment, surface treatment, plastic working',
    descriptionKo: '뿌리산업(주조, 용접, 금형, 열처리, 표면처리, 소성가공)을 육성하고 인력을 양성하며, 전시회·수출상담회·학술회의를 통해 수출을 지원합니다.',
    descriptionEn:
      'Fosters the ppuri industry (casting, welding, mold, heat treatment, surface treatment, plastic working), nurtures personnel and supports exports through an exhibition, export meetings and an academic conference.',
    assumedFields: ['nameKo', 'descriptionKo'],
  },
  {
    code: 'iot-appliance-robot',
    nameKo: '광주국제IoT·가전·로봇박람회',
    nameEn: 'Gwangju International IoT·Appliance·Robot Fair',
    sector: 'IoT home appliances and robots',
    descriptionKo: 'IoT 관련 가전과 로봇의 전시 및 세미나를 통해 정보를 교류하고 제품을 홍보하며 판매 확대를 지원합니다.',
    descriptionEn:
      'Information exchange, product promotion and sales increase through an exhibition of IoT-related home appliances and robots, and seminars.',
    assumedFields: ['nameKo', 'descriptionKo'],
  },
];

interface EditionSeed {
  series: string;
  year: number;
  startsOn: string;
  endsOn: string;
  status: EditionStatus;
  assumedFields: string[];
  source: string;
}

export const FAIR_EDITIONS: EditionSeed[] = [
  { series: 'green-car', year: 2018, startsOn: '2018-07-05', endsOn: '2018-07-07', status: 'finished', assumedFields: [], source: SEED_SOURCE },
  { series: 'ppuri', year: 2018, startsOn: '2018-04-25', endsOn: '2018-04-27', status: 'finished', assumedFields: [], source: SEED_SOURCE },
  {
    series: 'ppuri', year: 2019, startsOn: '2019-05-22', endsOn: '2019-05-24', status: 'finished', assumedFields: ['startsOn', 'endsOn'],
    source: `${SEED_SOURCE} (only "between April and July 2019, 3 days" is known; the exact days are assumed)`,
  },
  { series: 'iot-appliance-robot', year: 2018, startsOn: '2018-07-05', endsOn: '2018-07-07', status: 'finished', assumedFields: [], source: SEED_SOURCE },
  // The upcoming editions: open for exhibitor registration; dates are assumed, in each fair's usual season.
  // Green Car and IoT ran on the same days in 2018; in 2027 they share the exhibition hall, one half each (exhibition.seed.ts: SEEDED_HALLS).
  {
    series: 'green-car', year: 2027, startsOn: '2027-07-07', endsOn: '2027-07-09', status: 'registration_open', assumedFields: ['startsOn', 'endsOn', 'halls'],
    source: 'assumed upcoming edition, co-located with the IoT fair as in 2018: Exhibition Hall 1 only',
  },
  { series: 'ppuri', year: 2027, startsOn: '2027-04-28', endsOn: '2027-04-30', status: 'registration_open', assumedFields: ['startsOn', 'endsOn'], source: 'assumed upcoming edition' },
  {
    series: 'iot-appliance-robot', year: 2027, startsOn: '2027-07-07', endsOn: '2027-07-09', status: 'registration_open', assumedFields: ['startsOn', 'endsOn', 'halls'],
    source: 'assumed upcoming edition, co-located with the Green Car fair as in 2018: Exhibition Hall 2 only',
  },
];

export function editionCode(series: string, year: number): string {
  return `${series}-${year}`;
}

/** Inserts the fair series and editions that are missing; never overwrites existing rows. */
export async function seedFairs(manager: EntityManager, venueId: string): Promise<void> {
  for (const s of FAIR_SERIES) {
    await manager.query(
      `INSERT INTO fair_series (code, name_ko, name_en, sector, description_ko, description_en, assumed_fields)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
      [s.code, s.nameKo, s.nameEn, s.sector, s.descriptionKo, s.descriptionEn, s.assumedFields],
    );
  }
  for (const e of FAIR_EDITIONS) {
    await manager.query(
      `INSERT INTO fair_editions (code, series_id, year, starts_on, ends_on, venue_id, status, assumed_fields, source)
       SELECT $1, s.id, $2, $3, $4, $5, $6, $7, $8 FROM fair_series s WHERE s.code = $9
       ON CONFLICT DO NOTHING`,
      [editionCode(e.series, e.year), e.year, e.startsOn, e.endsOn, venueId, e.status, e.assumedFields, e.source, e.series],
    );
  }
}
