import type { CheckInDesk, CheckInVisitor } from '../check-in.service';
import { deskHref, deskView, resultView } from './checkin.view-model';

const visitor: CheckInVisitor = {
  id: '11111111-1111-4111-8111-111111111111', editionId: 'e1', name: '김민준', company: '광주전자', country: 'VN', kind: 'buyer',
  days: ['2027-07-07', '2027-07-08'], badgeCode: 'FG-7KQ2-M9XD',
};
const at = new Date('2027-07-07T01:42:00Z'); // 10:42 in Gwangju

describe('the check-in result', () => {
  it('first check-in, already in (with the first time, no AM/PM in Korean), walk-in with the badge print link', () => {
    expect(resultView('green-car-2027', '2027-07-07', { kind: 'checkedIn', visitor, at }, undefined, 'ko')).toMatchObject({
      tone: 'ok', message: '김민준 님 입장 확인됨 (오전 10:42)', printHref: `/console/attendees/green-car-2027/${visitor.id}/badge`,
    });
    expect(resultView('green-car-2027', '2027-07-07', { kind: 'already', visitor, at }, undefined, 'ko')).toMatchObject({ tone: 'warn', message: '이미 입장 확인됨: 오전 10:42' });
    expect(resultView('green-car-2027', '2027-07-07', { kind: 'already', visitor, at }, undefined, 'en').message).toBe('Already checked in at 10:42 AM');
    // The tap that counted, read back after its redirect.
    expect(resultView('green-car-2027', '2027-07-07', { kind: 'already', visitor, at }, 'checkedIn', 'ko').tone).toBe('ok');
    const walkIn = resultView('green-car-2027', '2027-07-07', { kind: 'already', visitor, at }, 'walkInBefore', 'ko');
    expect(walkIn.message).toBe('김민준 님을 현장 등록하고 입장 확인했습니다 (오전 10:42).');
    expect(walkIn.note).toContain('이미 등록된');
  });

  it('shows the visitor and the one button when they may come in; refusals say why, without a button', () => {
    const admit = resultView('green-car-2027', '2027-07-07', { kind: 'admit', visitor }, undefined, 'ko');
    expect(admit).toMatchObject({ tone: 'info', checkInBadge: 'FG-7KQ2-M9XD' });
    expect(admit.card).toMatchObject({ name: '김민준', kind: '바이어', company: '광주전자', country: '베트남 (VN)', days: '7월 7일 (수), 7월 8일 (목)' });
    const wrongDay = resultView('green-car-2027', '2027-07-09', { kind: 'refused', reason: 'wrongDay', visitor }, undefined, 'ko');
    expect(wrongDay).toMatchObject({ tone: 'error', message: '이 참관객은 7월 9일 (금)에 등록하지 않았습니다. 등록한 날: 7월 7일 (수), 7월 8일 (목)' });
    expect(wrongDay.checkInBadge).toBeUndefined();
    expect(resultView('x', '2027-07-07', { kind: 'refused', reason: 'otherEdition' }, undefined, 'en').message).toContain('another edition');
    expect(resultView('x', '2027-07-07', { kind: 'refused', reason: 'unknown' }, undefined, 'ko').message).toBe('이 코드로 등록된 참관객이 없습니다.');
    expect(resultView('x', '2027-07-10', { kind: 'refused', reason: 'notFairDay' }, undefined, 'ko').message).toBe('7월 10일 (토)은(는) 이 회차의 박람회 기간이 아닙니다.');
  });
});

describe('the desk', () => {
  const desk: CheckInDesk = {
    edition: { code: 'green-car-2027', nameKo: '2027 국제그린카전시회', nameEn: '2027 Green Car', startsOn: '2027-07-07', endsOn: '2027-07-09', status: 'registration_open', days: ['2027-07-07', '2027-07-08', '2027-07-09'] },
    day: '2027-07-08', today: '2027-07-08', dayGiven: false,
    counts: { total: 4, perDay: [{ day: '2027-07-07', count: 3 }, { day: '2027-07-08', count: 1 }, { day: '2027-07-09', count: 0 }], perHour: [], byKind: [], byCountry: [] },
  };

  it('counts the day, keeps an explicit day in the forms, warns outside the fair', () => {
    const v = deskView(desk, 'ko');
    expect(v.count).toBe('이날 입장 1명');
    expect(v.day).toBeUndefined();
    expect(v.notFairDay).toBeUndefined();
    expect(v.perDay.map((d) => d.count)).toEqual([3, 1, 0]);
    expect(deskView({ ...desk, day: '2027-07-07', dayGiven: true }, 'ko').day).toBe('2027-07-07');
    expect(deskView({ ...desk, day: '2026-12-04', today: '2026-12-04' }, 'ko').notFairDay).toBe('오늘(2026년 12월 4일 (금))은 이 회차의 박람회 기간이 아닙니다. 입장 확인은 박람회 기간에만 됩니다.');
  });

  it('summarises the walk-in form\'s errors with links to the fields', () => {
    const values = { name: '', email: 'x', company: '', country: '', kind: 'buyer', language: 'ko', consentMessages: false, consentShareContact: false };
    const v = deskView(desk, 'ko', { walkIn: { values, errors: { name: 'required', email: 'invalid' } } });
    expect(v.walkIn.summary).toEqual([{ field: 'name', label: '이름', message: '입력하세요.' }, { field: 'email', label: '이메일', message: '올바르지 않습니다.' }]);
    expect(deskView(desk, 'en', { walkIn: { values, errors: { form: 'closed' } } }).walkIn.formError).toBe('This edition does not take visitor registrations.');
  });

  it('links keep the code, the badge, the day and the outcome', () => {
    expect(deskHref('green-car-2027', { badge: 'FG-7KQ2-M9XD', day: '2027-07-07', outcome: 'already' })).toBe('/console/checkin/green-car-2027?badge=FG-7KQ2-M9XD&day=2027-07-07&outcome=already');
    expect(deskHref('green-car-2027')).toBe('/console/checkin/green-car-2027');
  });
});
