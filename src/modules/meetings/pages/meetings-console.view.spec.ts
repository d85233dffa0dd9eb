import { translator, type Lang } from '../../../core/web/i18n';
import type { MeetingResponse } from '../dto/meetings.dto';
import { MEETINGS_MESSAGES } from './messages';
import { renderGridPage, renderSheetsPage, toConsoleMeetings, type ConsoleMeeting, type MeetingsPageContext, type MeetingsPageModel } from './meetings-console.view';

const ctx = (lang: Lang): MeetingsPageContext => ({
  lang,
  t: translator(MEETINGS_MESSAGES, lang),
  langHref: (l) => `/console/meetings/x?lang=${l}`,
  user: { displayName: 'Organizer', csrf: 'tok' },
});

const slot = (day: string, hm: string, end: string) => ({ id: `D${day}-${hm.replace(':', '')}`, start: `${day}T${hm}:00+09:00`, end: `${day}T${end}:00+09:00` });

const meeting = (over: Partial<ConsoleMeeting>): ConsoleMeeting => ({
  id: 'm1', slot: 'D2027-07-08-1000', table: 'T01', buyer: 'Hanoi EV', buyerCountry: 'VN', exhibitor: 'Gwangju Motor',
  interpreter: 'Kim Ha-eun', status: 'scheduled', locked: false, weight: 3, ...over,
});

const model = (meetings: ConsoleMeeting[]): MeetingsPageModel => ({
  edition: { code: 'green-car-2027', nameKo: '2027 국제그린카전시회', nameEn: '2027 International Green Car Industry Fair' },
  slots: [slot('2027-07-08', '10:00', '10:30'), slot('2027-07-08', '10:30', '11:00'), slot('2027-07-09', '10:00', '10:30')],
  tables: ['T01', 'T02'],
  meetings,
});

/** The cells of the grid's body rows, as text without tags. */
const cellsOf = (page: string): string[] => [...page.matchAll(/<td class="([^"]*)">([\s\S]*?)<\/td>/g)].map((m) => `${m[1]}|${m[2].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}`);

describe('meetings console views', () => {
  it('escapes every name that comes from data', () => {
    const evil = `<script>alert("x")</script>`;
    const m = model([meeting({ buyer: evil, exhibitor: `"><img src=x onerror=1>`, interpreter: evil, buyerCountry: '<b>' })]);
    const pages = [renderGridPage(ctx('en'), m), renderSheetsPage(ctx('en'), m, ['T01'], false), renderSheetsPage(ctx('ko'), m, m.tables, true)];
    for (const page of pages) {
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    expect(pages[1]).toContain('(&lt;b&gt;)');
  });

  it('shows every slot × table cell: meetings with names and state in words, the rest as free', () => {
    const m = model([
      meeting({}),
      meeting({ id: 'm2', slot: 'D2027-07-08-1030', table: 'T02', status: 'published', locked: true, interpreter: null, buyer: 'Munich Parts', exhibitor: 'Honam Parts' }),
    ]);
    const page = renderGridPage(ctx('en'), m);
    expect(cellsOf(page)).toEqual([
      'mg-draft|Hanoi EV × Gwangju Motor interpreter: Kim Ha-eun (draft)',
      'mg-free|free',
      'mg-free|free',
      'mg-published mg-locked|Munich Parts × Honam Parts no interpreter (published) (locked)',
      'mg-free|free',
      'mg-free|free',
    ]);
    // Rows grouped by day, local times, a summary, the CSV export and each table's sheet.
    expect(page.match(/scope="rowgroup"/g)).toHaveLength(2);
    expect(page).toContain('<th scope="row">10:30 AM–11:00 AM</th>');
    expect(page).toContain('2 meetings (1 published, 1 draft) · total weight 6 · 2 tables · 3 slots');
    expect(page).toContain('href="/console/meetings/green-car-2027/schedule.csv"');
    expect(page).toContain('href="/console/meetings/green-car-2027/tables/T02"');
    expect(page).toMatch(/<div class="scroll" role="region" aria-labelledby="mg-caption" tabindex="0">/);
    const ko = renderGridPage(ctx('ko'), m);
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('(게시됨)');
    expect(ko).toContain('(고정)');
    expect(ko).toContain('통역: Kim Ha-eun');
    expect(ko).toContain('2027 국제그린카전시회 수출상담회 배치표');
  });

  it('lists meetings whose table or slot is gone below the grid instead of dropping them', () => {
    const page = renderGridPage(ctx('en'), model([meeting({ table: 'X9' })]));
    expect(cellsOf(page).every((c) => c === 'mg-free|free')).toBe(true);
    expect(page).toContain('Meetings outside the grid');
    expect(page).toContain('Hanoi EV × Gwangju Motor');
  });

  it('prints one row per slot on a table sheet, free slots as a dash, with a print stylesheet', () => {
    const page = renderSheetsPage(ctx('en'), model([meeting({ status: 'published' })]), ['T01'], false);
    expect(page).toContain('<h1 class="sheet-code" id="sheet-T01-title">Table T01</h1>');
    const rows = [...page.matchAll(/<tr class="([^"]*)"><th scope="row">([^<]*)/g)].map((r) => `${r[1]} ${r[2]}`);
    expect(rows).toEqual(['mg-published 10:00 AM–10:30 AM', 'mg-free 10:30 AM–11:00 AM', 'mg-free 10:00 AM–10:30 AM']);
    expect(page).toContain('<td>Hanoi EV (VN)</td><td>Gwangju Motor</td><td>Kim Ha-eun</td>');
    expect(page.match(/<tr class="mg-free">[^\n]*<td>—<span class="sr-only"> free slot<\/span><\/td><td>—<\/td><td>—<\/td><\/tr>/g)).toHaveLength(2);
    expect(page).toContain('use your browser&#39;s Print'); // escaped like any text
    expect(page).toMatch(/@media print\{[\s\S]*\.top,\.skip,\.mg-nav[\s\S]*display:none[\s\S]*page-break-inside:avoid[\s\S]*\}/);
    expect(page).toMatch(/@media print\{[\s\S]*color:#000 !important;background:#fff !important/);
    expect(page).not.toMatch(/<script/i); // printable without JavaScript
  });

  it('prints all tables, one section each, with a page break after each', () => {
    const page = renderSheetsPage(ctx('ko'), model([]), ['T01', 'T02'], true);
    expect(page.match(/<section class="sheet" /g)).toHaveLength(2);
    expect(page).toContain('<h2 class="sheet-code" id="sheet-T02-title">테이블 T02</h2>');
    expect(page).toContain('.sheets .sheet{page-break-after:always;break-after:page}');
    expect(page).toContain('브라우저의 인쇄 기능');
  });

  it('names interpreters and buyer countries, and leaves cancelled meetings out', () => {
    const base: MeetingResponse = {
      id: 'a', request: 'r', buyer: 'B', exhibitor: 'E', slot: 's', startsAt: '', endsAt: '', table: 'T01', interpreter: 'i1', status: 'scheduled', locked: false, weight: 1,
    };
    const out = toConsoleMeetings(
      [base, { ...base, id: 'b', interpreter: 'gone' }, { ...base, id: 'c', interpreter: null }, { ...base, id: 'd', status: 'cancelled' }],
      [{ id: 'i1', name: 'Kim Ha-eun' }],
      (id) => (id === 'a' ? 'VN' : undefined),
    );
    expect(out.map((m) => [m.id, m.interpreter, m.buyerCountry])).toEqual([['a', 'Kim Ha-eun', 'VN'], ['b', 'gone', ''], ['c', null, '']]);
  });
});
