import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { translator, type Lang } from '../../../core/web/i18n';
import type { TableDayMeeting, TableDayModel } from '../meeting-day.service';
import { TABLE_HOST_MESSAGES } from './table-host.messages';
import { flashOf, hostPageHref, recordFlash, renderTableHostSitePage } from './table-host.view';

const ctx = (lang: Lang) => ({ lang, t: translator(TABLE_HOST_MESSAGES, lang), langHref: (l: Lang) => `/x?lang=${l}` });
const meeting = (over: Partial<TableDayMeeting> = {}): TableDayMeeting => ({
  id: '00000000-0000-4000-8000-000000000001',
  start: '2027-07-08T01:00:00.000Z',
  end: '2027-07-08T01:30:00.000Z',
  buyer: { name: 'Hanoi <EV>', country: 'VN' },
  exhibitor: { name: '광주모터', country: 'KR' },
  interpreter: null,
  status: 'published',
  outcome: null,
  ...over,
});
const model = (meetings: TableDayMeeting[]): TableDayModel => ({
  edition: { code: 'green-car-2027', nameKo: '2027 국제그린카산업전시회', nameEn: '2027 Green Car Fair' },
  table: 'T01',
  day: '2027-07-08',
  days: ['2027-07-08'],
  meetings,
});
const page = (meetings: TableDayMeeting[], lang: Lang = 'ko', flash?: Parameters<typeof flashOf>[0]) =>
  renderTableHostSitePage(ctx(lang), { model: model(meetings), base: '/h', csrf: 'tok', flash: flashOf(flash) });

describe('the table host page', () => {
  it('shows five one-tap buttons per open meeting, the current outcome pressed, names escaped, times without AM/PM in Korean', () => {
    const html = page([meeting({ outcome: 'no_show_buyer' })]);
    expect(html).toContain('<form method="post" action="/h/meetings/00000000-0000-4000-8000-000000000001?lang=ko&amp;day=2027-07-08"');
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok">');
    expect([...html.matchAll(/<button type="submit" name="outcome" value="([a-z_]+)"/g)].map((m) => m[1])).toEqual(['held', 'no_show_buyer', 'no_show_exhibitor', 'no_show_both', 'cancelled']);
    expect(html).toContain('value="no_show_buyer" class="th-no_show_buyer th-current" aria-pressed="true">바이어 불참</button>');
    expect(html).toContain('Hanoi &lt;EV&gt; (베트남)');
    expect(html).toContain('오전 10:00–오전 10:30');
    expect(html).not.toMatch(/\b(AM|PM)\b/);
  });

  it('shows why a meeting takes no tap instead of the buttons', () => {
    const html = page([meeting({ closed: 'not_started' }), meeting({ id: '00000000-0000-4000-8000-000000000002', status: 'cancelled' })], 'en');
    expect(html).not.toContain('name="outcome"');
    expect(html).toContain('Not started yet');
    expect(html).toContain('Cancelled meeting');
  });

  it('shows only known flashes, errors as alerts', () => {
    expect(flashOf('recorded')).toBe('recorded');
    expect(flashOf('<b>hi</b>')).toBeUndefined();
    expect(page([meeting()], 'ko', 'err-not_started')).toContain('<p class="notice bad" role="alert" id="flash">기록하지 못했습니다: 상담이 아직 시작되지 않았습니다.</p>');
    expect(page([meeting()], 'en', 'same')).toContain('role="status" id="flash">That result was already recorded; nothing changed.</p>');
  });

  it("turns a refusal's reason into a flash, and lets other errors through", async () => {
    await expect(recordFlash(() => Promise.resolve('recorded' as const))).resolves.toBe('recorded');
    await expect(recordFlash(() => Promise.reject(new DomainError(ErrorCode.Conflict, 'x', { reason: 'day_over' })))).resolves.toBe('err-day_over');
    await expect(recordFlash(() => Promise.reject(new DomainError(ErrorCode.NotFound, 'x')))).rejects.toThrow('x');
    await expect(recordFlash(() => Promise.reject(new DomainError(ErrorCode.Conflict, 'frozen', { reason: 'other' })))).rejects.toThrow('frozen');
  });

  it('builds its own address with the day, the language and the flash', () => {
    expect(hostPageHref('/h', 'en', '2027-07-08', 'recorded', 'abc')).toBe('/h?lang=en&day=2027-07-08&flash=recorded#m-abc');
    expect(hostPageHref('/h', 'ko')).toBe('/h?lang=ko');
  });
});
