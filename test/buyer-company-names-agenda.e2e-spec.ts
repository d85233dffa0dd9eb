import { publishedMeetingDay, type LockedMeetings, type Participants } from './support/meetings';
import { bearer, startTestApp, type TestApp } from './support/test-app';

/** The agenda mails name the other company in the reader's language: Hangul for a Korean reader where it has a Hangul name. */
describe('export meetings: agenda mails name the counterpart in the reader’s language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the Korean exhibitor reads the German buyer’s Hangul name, the buyer reads the exhibitor’s Latin name', async () => {
    const organizer = await bearer(t);
    const people: Participants = [
      ['rheinland', {
        side: 'buyer', companyName: 'Rheinland Antrieb GmbH', alternateCompanyName: '라인란트 구동', country: 'DE', identifierKind: 'eu-vat', identifier: 'DE123456789',
        contactName: 'Jonas Becker', email: 'jonas@rheinland.example', languages: ['en'], interests: ['ev-powertrain'], tableCode: 'T01', locale: 'en',
      }],
      ['mudeung', {
        side: 'exhibitor', companyName: '무등금형', alternateCompanyName: 'Mudeung Mold Co.', country: 'KR', identifierKind: 'kr-brn', identifier: '220-81-62517',
        contactName: '이준', email: 'jun@mudeung.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko',
      }],
    ];
    const plan: LockedMeetings = [['rheinland', 'mudeung', 'D2027-07-08-1000', 'T01']];
    await publishedMeetingDay(t, organizer, { tables: ['T01'], people, plan });

    const toExhibitor = await t.smtp.waitForSubject(/^\[Fairgate\] 수출상담회 일정 안내/);
    const toBuyer = await t.smtp.waitForSubject(/^\[Fairgate\] Your export meeting agenda/);
    expect(toExhibitor.envelopeTo).toEqual(['jun@mudeung.example']);
    expect(toExhibitor.parsed.text).toContain('라인란트 구동');
    expect(toExhibitor.parsed.text).not.toContain('Rheinland Antrieb GmbH');
    expect(toBuyer.envelopeTo).toEqual(['jonas@rheinland.example']);
    expect(toBuyer.parsed.text).toContain('Mudeung Mold Co.');
    expect(toBuyer.parsed.text).not.toContain('무등금형');
  }, 120_000);
});
