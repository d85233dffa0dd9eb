import { conflictSentence, plainSpan, type HoldingConflict } from './space-holder';

const ZONE = 'Asia/Seoul';
const session: HoldingConflict = {
  bookingId: 'b1', status: 'confirmed', spaceCode: 'R301', spaceNameKo: '제2센터 301호 회의실', spaceNameEn: 'Meeting Room 301 (Second Center)',
  occupiedFrom: new Date('2027-04-28T05:00:00Z'), occupiedUntil: new Date('2027-04-28T06:30:00Z'), purpose: 'x',
  holderKind: 'conference-session', holderLabelEn: "conference session 'Smart mobility' of 2027 PPURI", holderLabelKo: "2027 뿌리 학술회의 세션 '스마트 모빌리티'",
};

describe('conflict sentences name what holds the space', () => {
  it('says it for the API in English with the space code and local times', () => {
    expect(conflictSentence(session, ZONE, 'api')).toBe("R301 is held 2027-04-28 14:00–15:30 by conference session 'Smart mobility' of 2027 PPURI.");
  });

  it('says it on a Korean page with the room name and Korean times, no English word of its own', () => {
    const ko = conflictSentence(session, ZONE, 'ko');
    expect(ko).toBe("제2센터 301호 회의실: 2027년 4월 28일 (수) 오후 2:00–오후 3:30에 2027 뿌리 학술회의 세션 '스마트 모빌리티'이(가) 사용합니다.");
    expect(ko).not.toMatch(/PM|held|session/);
  });

  it('falls back to the booking and its purpose when no holder is named', () => {
    const plain = { ...session, holderKind: null, holderLabelEn: null, holderLabelKo: null, purpose: 'Press briefing', status: 'held' };
    expect(conflictSentence(plain, ZONE, 'api')).toBe('R301 is on hold 2027-04-28 14:00–15:30 by booking b1 (Press briefing).');
  });

  it('writes both ends out when a span crosses days (an edition hall with build-up and tear-down)', () => {
    expect(plainSpan(new Date('2027-07-04T22:00:00Z'), new Date('2027-07-10T14:00:00Z'), ZONE)).toBe('2027-07-05 07:00 – 2027-07-10 23:00');
  });
});
