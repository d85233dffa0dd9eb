import type { EditionListRow } from '../fairs/fairs-directory';
import { dashboardView, pickEdition, withoutRefusedLinks, type DashboardData, type Panel } from './dashboard.view-model';

const edition = (code: string, startsOn: string, endsOn: string, status: EditionListRow['status'] = 'registration_open'): EditionListRow => ({
  id: `id-${code}`, code, year: Number(startsOn.slice(0, 4)), startsOn, endsOn, status, seriesCode: code.replace(/-\d+$/, ''),
  seriesKo: '국제뿌리산업전시회', seriesEn: 'PPURI Fair', descriptionKo: '', descriptionEn: '', venueKo: '김대중컨벤션센터', venueEn: 'KDJ Center',
});

describe('the dashboard view model', () => {
  const past = edition('ppuri-2018', '2018-04-25', '2018-04-27', 'finished');
  const next = edition('ppuri-2027', '2027-04-28', '2027-04-30');
  const later = edition('green-car-2027', '2027-07-07', '2027-07-09');
  const draft = edition('ppuri-2026', '2026-12-01', '2026-12-03', 'draft');

  it('picks the running or next public edition, then a coming draft, then the latest', () => {
    expect(pickEdition([past, next, later, draft], '2027-04-29')?.code).toBe('ppuri-2027'); // running
    expect(pickEdition([past, next, later, draft], '2026-11-01')?.code).toBe('ppuri-2027'); // the draft before it is not public
    expect(pickEdition([past, draft], '2026-11-01')?.code).toBe('ppuri-2026');
    expect(pickEdition([past, next], '2030-01-01')?.code).toBe('ppuri-2027');
    expect(pickEdition([], '2030-01-01')).toBeUndefined();
  });

  const data: DashboardData = {
    editions: [past, next, later],
    today: '2027-01-10',
    failedMails: 2,
    edition: next,
    figures: {
      applications: [{ status: 'submitted', count: 3 }, { status: 'approved', count: 1 }],
      halls: [{ hallCode: 'EXH1', hallKo: '전시장 1홀', hallEn: 'Exhibition Hall 1', unitsCapacity: 240, unitsTaken: 12 }],
      visitorsPerDay: [{ day: '2027-04-28', count: 2 }, { day: '2027-04-29', count: 1 }],
      attendeeKinds: [{ kind: 'buyer', count: 2 }],
      requests: [{ status: 'pending', count: 4 }],
      meetings: [{ status: 'scheduled', count: 1 }, { status: 'published', count: 2 }, { status: 'cancelled', count: 5 }],
    },
  };

  it('gives every figure in Korean with the link to the section page that lists it', () => {
    const v = dashboardView(data, 'ko');
    expect(v.title).toBe('2027 국제뿌리산업전시회 현황');
    expect(v.edition?.dates).toBe('2027년 4월 28일 (수) – 4월 30일 (금)');
    expect(v.editions.find((e) => e.current)?.code).toBe('ppuri-2027');
    const panel = (id: string) => v.panels.find((p) => p.id === id)!;
    expect(panel('applications').total).toEqual({ label: '전체 신청', value: 4, href: '/console/applications?edition=ppuri-2027' });
    expect(panel('applications').rows.find((r) => r.label === '보완 요청')).toEqual({
      label: '보완 요청', value: 0, href: '/console/applications?edition=ppuri-2027&status=changes_requested',
    });
    expect(panel('booths').rows).toEqual([{ label: '전시장 1홀', value: 12, max: 240, text: '12 / 240', href: '/console/booths?edition=ppuri-2027' }]);
    // Every day of the edition, also the one nobody chose.
    expect(panel('visitors').rows.map((r) => [r.label, r.value])).toEqual([['4월 28일 (수)', 2], ['4월 29일 (목)', 1], ['4월 30일 (금)', 0]]);
    expect(panel('meetings').rows[0]).toEqual({ label: '응답 대기', value: 4, href: '/console/meetings/ppuri-2027/requests?status=pending' });
    expect(panel('meetings').extra?.[0]).toMatchObject({ label: '배정된 상담', value: 3 }); // cancelled ones are not scheduled
    expect(panel('mail').total).toEqual({ label: '발송 실패 메일', value: 2, href: '/console/mail?status=failed' });
    expect(JSON.stringify(v)).not.toMatch(/Submitted|Pending|Hall 1/);
  });

  it('says there is nothing to show without editions, and still shows the failed emails', () => {
    const v = dashboardView({ editions: [], today: '2027-01-10', failedMails: 0 }, 'en');
    expect(v.noEditions).toBe('No fair editions yet.');
    expect(v.panels.map((p) => p.id)).toEqual(['mail']);
    expect(v.panels[0].hint).toBe('No email has failed.');
  });

  it('shows the entrance check-ins per day, per hour, by kind and by country, and refreshes only while the edition runs', () => {
    const checkIns = [
      { day: '2027-04-28', hour: 9, kind: 'buyer', country: 'VN', count: 2 },
      { day: '2027-04-28', hour: 11, kind: 'trade_visitor', country: 'KR', count: 5 },
      { day: '2027-04-29', hour: 10, kind: 'press', country: 'KR', count: 1 },
      ...['CN', 'JP', 'US', 'DE', 'FR', 'IN', 'TH', 'ID'].map((country) => ({ day: '2027-04-29', hour: 10, kind: 'buyer', country, count: 1 })),
    ];
    const running = dashboardView({ ...data, today: '2027-04-29', figures: { ...data.figures!, checkIns } }, 'ko');
    const panel = (id: string) => running.panels.find((p) => p.id === id)!;
    expect(running.live).toBe('박람회가 열리는 동안 이 화면은 1분마다 새로 고칩니다.');
    expect(panel('checkins-day').total).toEqual({ label: '전체 입장 (일자별 합계)', value: 16, href: '/console/checkin/ppuri-2027' });
    expect(panel('checkins-day').rows.map((r) => [r.label, r.value])).toEqual([['4월 28일 (수)', 7], ['4월 29일 (목)', 9], ['4월 30일 (금)', 0]]);
    // Today's hours while it runs.
    expect(panel('checkins-hour').title).toBe('시간대별 입장: 4월 29일 (목)');
    expect(panel('checkins-hour').rows.map((r) => [r.label, r.value])).toEqual([['오전 10:00–오전 10:59', 9]]);
    expect(panel('checkins-kind').rows.map((r) => [r.label, r.value])).toEqual([['참관객', 5], ['바이어', 10], ['언론', 1]]);
    // The eight largest countries, the rest as "other".
    const countries = panel('checkins-country').rows.map((r) => [r.label, r.value]);
    expect(countries[0]).toEqual(['대한민국', 6]);
    expect(countries[1]).toEqual(['베트남', 2]);
    expect(countries).toHaveLength(9);
    expect(countries[8]).toEqual(['기타', 2]);
    expect(JSON.stringify(running)).not.toMatch(/\b(AM|PM)\b/);

    // After the fair: no refresh; the hours of the last day anyone came.
    const after = dashboardView({ ...data, today: '2027-05-10', figures: { ...data.figures!, checkIns } }, 'en');
    expect(after.live).toBeUndefined();
    expect(after.panels.find((p) => p.id === 'checkins-hour')?.title).toBe('Check-ins per hour: Thu 29 Apr');
    // Nobody yet: one panel saying so.
    const none = dashboardView({ ...data, figures: { ...data.figures!, checkIns: [] } }, 'ko');
    expect(none.panels.filter((p) => p.id.startsWith('checkins')).map((p) => [p.id, p.hint])).toEqual([['checkins-day', '아직 입장 확인된 참관객이 없습니다.']]);
  });
});

describe('withoutRefusedLinks: figures link only into sections the member may open for the edition', () => {
  const panel = (href: string): Panel => ({ id: 'p', title: 'p', columns: ['a', 'b'], rows: [{ label: 'x', value: 1, href }], total: { label: 't', value: 1, href } });
  const reviewer = { orgAdmin: false, grants: [{ editionId: 'e1', role: 'reviewer' as const }] };

  it('keeps a link the role allows in this edition and drops the others (and all of them in another edition)', () => {
    expect(withoutRefusedLinks([panel('/console/applications?edition=a')], reviewer, 'e1')[0].rows[0].href).toBe('/console/applications?edition=a');
    expect(withoutRefusedLinks([panel('/console/meetings/a/requests')], reviewer, 'e1')[0].total!.href).toBe('');
    expect(withoutRefusedLinks([panel('/console/mail?status=failed')], reviewer, 'e1')[0].rows[0].href).toBe('');
    expect(withoutRefusedLinks([panel('/console/applications?edition=b')], reviewer, 'e2')[0].rows[0].href).toBe('');
    expect(withoutRefusedLinks([panel('/console/meetings/a/grid')], { orgAdmin: true, grants: [] }, 'e1')[0].rows[0].href).toBe('/console/meetings/a/grid');
  });
});
