import { parseSessionForm, EMPTY_SESSION } from './programme.forms';
import { programmePageView } from './programme.view-model';
import type { ProgrammePageData } from './console-programme.service';

const rooms = [{ code: 'R301', nameKo: '제2센터 301호 회의실', nameEn: 'Meeting Room 301', seats: 60 }];
const days = ['2027-07-07', '2027-07-08'];

describe('the programme form and page', () => {
  it('turns the form into the fairs API request in Korea time', () => {
    const parsed = parseSessionForm(
      { titleKo: '미래', titleEn: 'Future', speakers: ' 박지훈 , Anna ', room: 'R301', day: '2027-07-08', start: '14:00', end: '15:30', capacity: '40' },
      rooms, days, 'Asia/Seoul',
    );
    expect(parsed).toEqual({
      ok: true,
      dto: { titleKo: '미래', titleEn: 'Future', speakers: ['박지훈', 'Anna'], room: 'R301', startsAt: '2027-07-08T14:00:00+09:00', endsAt: '2027-07-08T15:30:00+09:00', capacity: 40 },
    });
  });

  it('names each problem by field', () => {
    const parsed = parseSessionForm({ ...EMPTY_SESSION, titleEn: 'x', room: 'R999', day: '2027-07-10', start: '9:00', end: '10:00', capacity: '0' }, rooms, days, 'Asia/Seoul');
    expect(parsed).toEqual({ ok: false, errors: { titleKo: 'required', room: 'unknownRoom', day: 'notEditionDay', start: 'invalidTime', capacity: 'invalidCapacity' } });
    const tooMany = parseSessionForm({ ...EMPTY_SESSION, titleKo: 'a', titleEn: 'a', room: 'R301', day: '2027-07-08', start: '10:00', end: '11:00', capacity: '61' }, rooms, days, 'Asia/Seoul');
    expect(tooMany).toEqual({ ok: false, errors: { capacity: 'overCapacity' } });
  });

  it('shows the sessions under their day with room names, every day of the edition, and the errors on top with links', () => {
    const data: ProgrammePageData = {
      edition: {
        id: 'e', code: 'green-car-2027', year: 2027, startsOn: '2027-07-07', endsOn: '2027-07-08', status: 'registration_open', seriesCode: 'green-car',
        seriesKo: '국제그린카산업전시회', seriesEn: 'Green Car Expo', descriptionKo: '', descriptionEn: '', venueKo: '', venueEn: '',
      },
      sessions: [{
        id: 's', titleKo: '미래', titleEn: 'Future', speakers: [], room: 'R301', roomKo: '제2센터 301호 회의실', roomEn: 'Meeting Room 301',
        startsAt: new Date('2027-07-08T05:00:00Z'), endsAt: new Date('2027-07-08T06:30:00Z'), capacity: 40,
      }],
      rooms,
      days,
    };
    const v = programmePageView(data, { values: EMPTY_SESSION, errors: { end: 'endBeforeStart' } }, 'ko');
    expect(v.title).toBe('2027 국제그린카산업전시회 프로그램');
    expect(v.days.map((d) => [d.heading, d.sessions.length])).toEqual([['2027년 7월 7일 (수)', 0], ['2027년 7월 8일 (목)', 1]]);
    expect(programmePageView({ ...data, sessions: [] }, { values: EMPTY_SESSION, errors: {} }, 'ko').days).toEqual([]);
    expect(v.days[1].sessions[0]).toEqual({ title: '미래', when: '7월 8일 (목) 오후 2:00–오후 3:30', room: '제2센터 301호 회의실', speakers: undefined, seats: '정원 40명' });
    expect(v.form.summary).toEqual({ text: '입력 내용을 확인하세요.', links: [{ href: '#f-end', label: '종료 시각: 종료 시각은 시작 시각보다 늦어야 합니다.' }] });
    expect(v.form.rooms).toEqual([{ value: 'R301', label: '제2센터 301호 회의실 (60석)' }]);

    // A room held then: the venue's sentence at the room in the page's language, the times asked to change.
    const taken = { ko: '제2센터 301호 회의실: … 사용합니다.', en: 'Meeting Room 301 is held … by a session.' };
    const errors = { room: 'roomTaken', start: 'timeTaken', end: 'timeTaken', taken } as const;
    const ko = programmePageView(data, { values: EMPTY_SESSION, errors }, 'ko');
    expect(ko.form.fields.room.error).toBe('이 시간에는 장소를 쓸 수 없습니다. 제2센터 301호 회의실: … 사용합니다.');
    expect(ko.form.fields.start.error).toBe('다른 시간을 고르거나 다른 장소를 선택하세요.');
    expect(programmePageView(data, { values: EMPTY_SESSION, errors }, 'en').form.fields.room.error).toBe('The room is not free then. Meeting Room 301 is held … by a session.');
  });
});
