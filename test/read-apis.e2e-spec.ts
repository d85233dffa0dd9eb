import { DataSource } from 'typeorm';
import { ExhibitorsDirectory } from '../src/modules/exhibitors/exhibitors-directory';
import { ExhibitorsDirectoryRepository } from '../src/modules/exhibitors/exhibitors-directory.repository';
import { FairsDirectory } from '../src/modules/fairs/fairs-directory';
import { FairsDirectoryRepository } from '../src/modules/fairs/fairs-directory.repository';
import { ProgrammeDirectory } from '../src/modules/fairs/programme-directory';
import { ProgrammeDirectoryRepository } from '../src/modules/fairs/programme-directory.repository';
import { MeetingsDirectory } from '../src/modules/meetings/meetings-directory';
import { MeetingsDirectoryRepository } from '../src/modules/meetings/meetings-directory.repository';
import { AttendeesDirectory } from '../src/modules/attendees/attendees-directory';
import { AttendeesDirectoryRepository } from '../src/modules/attendees/attendees-directory.repository';
import { newBusinessRegistrationNumber } from './support/factories';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The read APIs the areas export to the floors above (issue 13: attendees ask fairs, meetings and
 * exhibitors instead of reading their tables). Each answers plain rows scoped by edition, leaves
 * out what does not belong to the edition, and reads in the caller's transaction when given its manager.
 */
describe('read APIs of fairs, meetings and exhibitors', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let programme: ProgrammeDirectory;
  let meetings: MeetingsDirectory;
  let exhibitors: ExhibitorsDirectory;
  let ppuri: { id: string; venueId: string };
  let greenCar: { id: string; venueId: string };
  let room: { id: string; nameKo: string; nameEn: string; code: string };
  let hall: { id: string; nameKo: string; nameEn: string; code: string };

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => dataSource.query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    programme = new ProgrammeDirectory(dataSource, new ProgrammeDirectoryRepository());
    meetings = new MeetingsDirectory(new MeetingsDirectoryRepository(), dataSource);
    exhibitors = new ExhibitorsDirectory(dataSource, new ExhibitorsDirectoryRepository());
    [ppuri] = await q(`SELECT id, venue_id AS "venueId" FROM fair_editions WHERE code = 'ppuri-2027'`);
    [greenCar] = await q(`SELECT id, venue_id AS "venueId" FROM fair_editions WHERE code = 'green-car-2027'`);
    const spaces = await q<{ id: string; nameKo: string; nameEn: string; code: string }>(
      `SELECT id, name_ko AS "nameKo", name_en AS "nameEn", code FROM venue_spaces WHERE venue_id = $1 ORDER BY code`, [ppuri.venueId],
    );
    hall = spaces.find((s) => s.code === 'EXH1')!;
    room = spaces.find((s) => s.code !== 'EXH1' && s.code !== 'EXH2')!;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.release();
  });

  const session = async (editionId: string, titleEn: string, startsAt: string, capacity = 30): Promise<string> => {
    const [row] = await q<{ id: string }>(
      `INSERT INTO conference_sessions (edition_id, title_ko, title_en, room_id, starts_at, ends_at, capacity)
       VALUES ($1, $2, $2, $3, $4::timestamptz, $4::timestamptz + interval '1 hour', $5) RETURNING id`,
      [editionId, titleEn, room.id, startsAt, capacity],
    );
    return row.id;
  };

  describe('ProgrammeDirectory (fairs)', () => {
    it('answers the edition’s sessions among the ids, in time order with their rooms; other editions’ sessions are left out', async () => {
      const late = await session(ppuri.id, 'Late talk', '2027-04-28T07:00:00Z');
      const early = await session(ppuri.id, 'Early talk', '2027-04-28T01:00:00Z');
      const elsewhere = await session(greenCar.id, 'Elsewhere', '2027-04-28T02:00:00Z');
      const rows = await programme.sessionsInRooms(ppuri.id, [late, elsewhere, early]);
      expect(rows).toEqual([
        { id: early, titleKo: 'Early talk', titleEn: 'Early talk', roomKo: room.nameKo, roomEn: room.nameEn, startsAt: new Date('2027-04-28T01:00:00Z'), endsAt: new Date('2027-04-28T02:00:00Z') },
        { id: late, titleKo: 'Late talk', titleEn: 'Late talk', roomKo: room.nameKo, roomEn: room.nameEn, startsAt: new Date('2027-04-28T07:00:00Z'), endsAt: new Date('2027-04-28T08:00:00Z') },
      ]);
      expect(await programme.sessionsInRooms(ppuri.id, [])).toEqual([]);
      expect(await programme.sessionOfEdition(ppuri.id, early)).toEqual({ id: early, capacity: 30 });
      expect(await programme.sessionOfEdition(ppuri.id, elsewhere)).toBeUndefined();
      const listed = await programme.sessionsOfEdition(ppuri.id);
      expect(listed.map((s) => s.id)).toEqual(expect.arrayContaining([early, late]));
      expect(listed.map((s) => s.id)).not.toContain(elsewhere);
      expect(listed.find((s) => s.id === early)).toMatchObject({ room: room.code, capacity: 30, speakers: [] });
    });

    it('answers opening hours as YYYY-MM-DD and HH:MM, and reads in the caller’s transaction when given its manager', async () => {
      await dataSource.transaction(async (manager) => {
        await manager.query(`DELETE FROM edition_opening_hours WHERE edition_id = $1`, [greenCar.id]);
        await manager.query(`INSERT INTO edition_opening_hours (edition_id, day, opens_at, closes_at) VALUES ($1, '2027-09-01', '09:30', '18:00')`, [greenCar.id]);
        expect(await programme.openingHours(greenCar.id, manager)).toEqual([{ day: '2027-09-01', opensAt: '09:30', closesAt: '18:00' }]);
        // Outside the transaction the uncommitted row is not there.
        expect(await programme.openingHours(greenCar.id)).not.toContainEqual({ day: '2027-09-01', opensAt: '09:30', closesAt: '18:00' });
      });
    });
  });

  describe('MeetingsDirectory (meetings)', () => {
    const participant = async (editionId: string, side: 'buyer' | 'exhibitor', company: string, email: string): Promise<string> => {
      const [row] = await q<{ id: string }>(
        `INSERT INTO meeting_participants (edition_id, side, company_name, country, contact_name, email, languages, interests)
         VALUES ($1, $2, $3, 'KR', 'Contact', $4, '{en}', '{}') RETURNING id`,
        [editionId, side, company, email],
      );
      return row.id;
    };
    const request = async (editionId: string, buyerId: string, exhibitorId: string): Promise<string> => {
      const [row] = await q<{ id: string }>(
        `INSERT INTO meeting_requests (edition_id, buyer_id, exhibitor_id, requested_by, priority, status) VALUES ($1, $2, $3, 'buyer', 'want', 'accepted') RETURNING id`,
        [editionId, buyerId, exhibitorId],
      );
      return row.id;
    };
    const meeting = async (editionId: string, requestId: string, startsAt: string, status: string, table: string): Promise<void> => {
      await q(
        `INSERT INTO meetings (edition_id, request_id, slot_id, starts_at, ends_at, table_code, status)
         VALUES ($1, $2, $3, $6::timestamptz, $6::timestamptz + interval '30 minutes', $4, $5)`,
        [editionId, requestId, `slot-${startsAt}`, table, status, startsAt],
      );
    };

    it('answers the published meetings of the edition’s participant with the address, either side, with the other company, in time order', async () => {
      const buyer = await participant(ppuri.id, 'buyer', 'Lopez Metals', 'Maria.Lopez@Buyer.example');
      const seller1 = await participant(ppuri.id, 'exhibitor', 'Gwangju Motor Co.', 'sales@gwangju-motor.example');
      const seller2 = await participant(ppuri.id, 'exhibitor', 'Bitgoeul Precision', 'sales@bitgoeul.example');
      const r1 = await request(ppuri.id, buyer, seller1);
      const r2 = await request(ppuri.id, buyer, seller2);
      await meeting(ppuri.id, r2, '2027-04-28T02:00:00Z', 'published', 'T2');
      await meeting(ppuri.id, r1, '2027-04-28T01:00:00Z', 'published', 'T1');
      const seller3 = await participant(ppuri.id, 'exhibitor', 'Unpublished Co.', 'sales@unpublished.example');
      const draft = await request(ppuri.id, buyer, seller3);
      await meeting(ppuri.id, draft, '2027-04-28T03:00:00Z', 'scheduled', 'T3');

      expect(await meetings.publishedMeetingsOf(dataSource.manager, ppuri.id, 'maria.lopez@buyer.example')).toEqual([
        { requestId: r1, startsAt: new Date('2027-04-28T01:00:00Z'), endsAt: new Date('2027-04-28T01:30:00Z'), tableCode: 'T1', counterpart: 'Gwangju Motor Co.' },
        { requestId: r2, startsAt: new Date('2027-04-28T02:00:00Z'), endsAt: new Date('2027-04-28T02:30:00Z'), tableCode: 'T2', counterpart: 'Bitgoeul Precision' },
      ]);
      // The exhibitor's side sees the buyer.
      expect(await meetings.publishedMeetingsOf(dataSource.manager, ppuri.id, 'sales@gwangju-motor.example')).toEqual([
        expect.objectContaining({ requestId: r1, counterpart: 'Lopez Metals' }),
      ]);
      expect(await meetings.publishedMeetingsOf(dataSource.manager, greenCar.id, 'maria.lopez@buyer.example')).toEqual([]);
    });

    it('counts the edition’s requests and meetings per status, for the console; other editions are left out', async () => {
      const buyer = await participant(greenCar.id, 'buyer', 'Count Buyer', 'count-buyer@buyer.example');
      const seller = await participant(greenCar.id, 'exhibitor', 'Count Seller', 'count-seller@seller.example');
      const other = await participant(greenCar.id, 'exhibitor', 'Count Other', 'count-other@seller.example');
      const before = await meetings.requestCounts(greenCar.id);
      const accepted = await request(greenCar.id, buyer, seller);
      await q(`INSERT INTO meeting_requests (edition_id, buyer_id, exhibitor_id, requested_by, priority, status) VALUES ($1, $2, $3, 'buyer', 'want', 'pending')`, [greenCar.id, buyer, other]);
      await meeting(greenCar.id, accepted, '2027-07-08T01:00:00Z', 'scheduled', 'T09');
      const count = (rows: Array<{ status: string; count: number }>, status: string): number => rows.find((r) => r.status === status)?.count ?? 0;
      const after = await meetings.requestCounts(greenCar.id);
      expect(count(after, 'accepted') - count(before, 'accepted')).toBe(1);
      expect(count(after, 'pending') - count(before, 'pending')).toBe(1);
      expect(count(await meetings.meetingCounts(greenCar.id), 'scheduled')).toBeGreaterThanOrEqual(1);
      expect(await meetings.requestCounts('00000000-0000-4000-8000-000000000000')).toEqual([]);
    });
  });

  describe('ExhibitorsDirectory (exhibitors)', () => {
    const application = async (editionId: string, company: string, status: string, extra: { hallId?: string; companyId?: string } = {}): Promise<string> => {
      const [row] = await q<{ id: string }>(
        `INSERT INTO exhibitor_applications (edition_id, status, company_name, business_registration_number, company_country, company_address,
                                             contact_name, contact_email, contact_phone, booth_type, booth_count, product_categories, locale, hall_id, company_id)
         VALUES ($1, $2, $3, $4, 'KR', 'Gwangju', 'Contact', 'c@example.com', '+82 62-000-0000', 'shell_scheme', 2, '{casting,mold}', 'en', $5, $6) RETURNING id`,
        [editionId, status, company, newBusinessRegistrationNumber(), extra.hallId ?? null, extra.companyId ?? null],
      );
      return row.id;
    };

    it('answers hall and booths of the edition’s approved applications among the ids, by company name; others are left out', async () => {
      const zeta = await application(ppuri.id, 'Zeta Casting', 'approved', { hallId: hall.id });
      const alpha = await application(ppuri.id, 'Alpha Molds', 'approved');
      const pending = await application(ppuri.id, 'Pending Co.', 'submitted', { hallId: hall.id });
      const elsewhere = await application(greenCar.id, 'Elsewhere Co.', 'approved');
      const booths = await q<{ id: string; code: string }>(`SELECT id, code FROM booths WHERE edition_id = $1 AND hall_id = $2 ORDER BY code LIMIT 2`, [ppuri.id, hall.id]);
      expect(booths).toHaveLength(2);
      for (const booth of [...booths].reverse()) await q(`INSERT INTO booth_assignments (booth_id, application_id) VALUES ($1, $2)`, [booth.id, zeta]);

      expect(await exhibitors.boothsOfApplications(ppuri.id, [zeta, pending, elsewhere, alpha])).toEqual([
        { applicationId: alpha, companyName: 'Alpha Molds', hallKo: null, hallEn: null, booths: [], categories: ['casting', 'mold'] },
        { applicationId: zeta, companyName: 'Zeta Casting', hallKo: hall.nameKo, hallEn: hall.nameEn, booths: booths.map((b) => b.code), categories: ['casting', 'mold'] },
      ]);
      expect(await exhibitors.boothsOfApplications(ppuri.id, [])).toEqual([]);

      expect(await exhibitors.approvedExhibitors(ppuri.id, { applicationIds: [zeta, pending, elsewhere] })).toEqual([
        { applicationId: zeta, companyName: 'Zeta Casting', country: 'KR', categories: ['casting', 'mold'], hall: 'EXH1', booths: booths.map((b) => b.code) },
      ]);
      expect((await exhibitors.approvedExhibitors(ppuri.id, { q: 'alpha' })).map((e) => e.applicationId)).toEqual([alpha]);
      expect(await exhibitors.isApprovedExhibitor(ppuri.id, zeta)).toBe(true);
      expect(await exhibitors.isApprovedExhibitor(ppuri.id, pending)).toBe(false);
      expect(await exhibitors.isApprovedExhibitor(ppuri.id, elsewhere)).toBe(false);
    });

    it('reads booths in the caller’s transaction when given its manager', async () => {
      await dataSource.transaction(async (manager) => {
        const [row] = await manager.query(
          `INSERT INTO exhibitor_applications (edition_id, status, company_name, business_registration_number, company_country, company_address,
                                               contact_name, contact_email, contact_phone, booth_type, booth_count, product_categories, locale)
           VALUES ($1, 'approved', 'Uncommitted Co.', $2, 'KR', 'Gwangju', 'Contact', 'c@example.com', '+82 62-000-0000', 'raw_space', 1, '{}', 'en') RETURNING id`,
          [ppuri.id, newBusinessRegistrationNumber()],
        );
        expect(await exhibitors.boothsOfApplications(ppuri.id, [row.id], manager)).toEqual([expect.objectContaining({ applicationId: row.id })]);
        expect(await exhibitors.boothsOfApplications(ppuri.id, [row.id])).toEqual([]);
      });
    });
  });

  describe('FairsDirectory (fairs) and AttendeesDirectory (attendees)', () => {
    it('lists editions with their series and venue names, drafts only when asked, and the rooms with seats', async () => {
      const fairs = new FairsDirectory(dataSource, new FairsDirectoryRepository());
      await q(`INSERT INTO fair_editions (code, series_id, year, starts_on, ends_on, venue_id, status)
               SELECT 'ppuri-2032', series_id, 2032, '2032-04-21', '2032-04-23', venue_id, 'draft' FROM fair_editions WHERE code = 'ppuri-2027'`);
      const open = await fairs.editions({ includeDrafts: false });
      expect(open.map((e) => e.code)).toContain('ppuri-2027');
      expect(open.map((e) => e.code)).not.toContain('ppuri-2032');
      expect((await fairs.editions({ includeDrafts: true })).map((e) => e.code)).toContain('ppuri-2032');
      expect(await fairs.edition('ppuri-2027')).toMatchObject({ id: ppuri.id, startsOn: '2027-04-28', endsOn: '2027-04-30', seriesKo: '국제뿌리산업전시회', venueKo: expect.any(String) });
      expect(await fairs.edition('nope')).toBeUndefined();
      const rooms = await fairs.rooms(ppuri.id);
      expect(rooms.find((r) => r.code === room.code)).toMatchObject({ nameKo: room.nameKo, seats: expect.any(Number) });
      expect(rooms.map((r) => r.code)).not.toContain('EXH1'); // a hall has no seats
      const id = await session(ppuri.id, 'Programme row', '2027-04-29T05:00:00Z', 25);
      expect((await programme.programmeOfEdition(ppuri.id)).find((s) => s.id === id)).toMatchObject({ roomKo: room.nameKo, room: room.code, capacity: 25, speakers: [] });
    });

    it('counts registered visitors per day and per kind of the edition', async () => {
      const attendees = new AttendeesDirectory(dataSource, new AttendeesDirectoryRepository());
      let n = 0;
      const register = async (editionId: string, kind: string, days: string[]): Promise<void> => {
        n++;
        await q(
          `INSERT INTO attendees (edition_id, name, email, country, kind, days, locale, consent_messages, consent_share_contact, badge_code, access_token_hash, link_sent_at)
           VALUES ($1, 'V', $2, 'KR', $3, $4, 'ko', true, false, $5, $6, now())`,
          [editionId, `count-${n}@visitor.example`, kind, days, `FG-CNT${n}-0000`.slice(0, 12).padEnd(12, '0'), String(n).padStart(64, '0')],
        );
      };
      await register(greenCar.id, 'trade_visitor', ['2027-07-07', '2027-07-08']);
      await register(greenCar.id, 'buyer', ['2027-07-08']);
      await register(ppuri.id, 'press', ['2027-04-28']);
      expect(await attendees.visitorsPerDay(greenCar.id)).toEqual([{ day: '2027-07-07', count: 1 }, { day: '2027-07-08', count: 2 }]);
      expect(await attendees.kindCounts(greenCar.id)).toEqual([{ kind: 'buyer', count: 1 }, { kind: 'trade_visitor', count: 1 }]);
    });
  });
});
