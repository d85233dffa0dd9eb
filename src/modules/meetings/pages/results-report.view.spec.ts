import { translator } from '../../../core/web/i18n';
import { buildResultsReport } from '../domain/results-report';
import type { ResultsReportModel } from '../results-report.service';
import { RESULTS_MESSAGES } from './results-report.messages';
import { formatRate, formatUsd, groupDigits, groupLabel, renderResultsPage, renderSummaryPage, resultsCsv } from './results-report.view';

const model = (): ResultsReportModel => ({
  edition: { code: 'green-car-2027', nameKo: '2027 국제그린카산업전시회', nameEn: '2027 International Green Car Industry Fair', startsOn: '2027-07-07', endsOn: '2027-07-09' },
  categoryNames: { 'ev-powertrain': { ko: '전기차 구동계', en: 'EV powertrain' } },
  generatedAt: '2027-07-09T08:00:00Z',
  report: buildResultsReport(
    [
      { meetingId: 'm1', outcome: 'held', buyerId: 'b1', buyerCountry: 'VN', exhibitorId: 'e1', exhibitorName: '빛고을 "모터", <주>', exhibitorCategories: ['ev-powertrain'] },
      { meetingId: 'm2', outcome: 'no_show_buyer', buyerId: 'b2', buyerCountry: 'US', exhibitorId: 'e1', exhibitorName: '빛고을 "모터", <주>', exhibitorCategories: ['ev-powertrain'] },
    ],
    [
      { meetingId: 'm1', side: 'buyer', answered: true, satisfaction: 5, followUp: true, consultationUsd: '1234567.5', expectedContractUsd: null },
      { meetingId: 'm1', side: 'exhibitor', answered: true, satisfaction: 4, followUp: false, consultationUsd: '10', expectedContractUsd: '99.99' },
    ],
  ),
});
const ctx = (lang: 'ko' | 'en') => ({ lang, langHref: (l: string) => `?lang=${l}`, user: { displayName: '주최자', csrf: 'x' }, t: translator(RESULTS_MESSAGES, lang) });

describe('the results report view', () => {
  it('names an exhibitor with a name in both scripts in the reader’s language', () => {
    const m = model();
    const report = buildResultsReport(
      [{ meetingId: 'm1', outcome: 'held', buyerId: 'b1', buyerCountry: 'DE', exhibitorId: 'e9', exhibitorName: 'Mudeung Mold Co.', exhibitorAlternateName: '무등금형', exhibitorCategories: [] }],
      [],
    );
    const row = report.byExhibitor[0];
    expect(groupLabel('exhibitor', row, m, 'ko', ctx('ko').t)).toBe('무등금형');
    expect(groupLabel('exhibitor', row, m, 'en', ctx('en').t)).toBe('Mudeung Mold Co.');
    expect(groupLabel('exhibitor', m.report.byExhibitor[0], m, 'en', ctx('en').t)).toBe('빛고을 "모터", <주>');
  });

  it('writes amounts, counts and rates the same way in both languages', () => {
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(12)).toBe('12');
    expect(formatUsd(123456750)).toBe('US$1,234,567.50');
    expect(formatUsd(100000)).toBe('US$1,000');
    expect(formatUsd(5)).toBe('US$0.05');
    expect(formatRate(0.125)).toBe('12.5%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(null)).toBe('–');
  });

  it('renders the Korean page in the console frame: figures, the counting rule, names for codes, no English words', () => {
    const page = renderResultsPage(ctx('ko'), model());
    expect(page).toContain('<html lang="ko">');
    expect(page).toMatch(/<a href="\/console\/meetings"[^>]*aria-current="page"/);
    expect(page).toContain('id="fig-consultation"><dt>상담액</dt><dd><strong>US$1,234,567.50</strong>');
    expect(page).toContain('id="fig-noShowRate"><dt>노쇼율</dt><dd><strong>50%</strong>');
    expect(page).toContain('전기차 구동계');
    expect(page).toContain('베트남 (VN)');
    expect(page).toContain('빛고을 &quot;모터&quot;, &lt;주&gt;');
    const words = page.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|US\$|Fairgate|VN|US\)|\(US|English|CSV|A4|Ctrl\+P/g, ' ');
    expect(words.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
    expect(renderSummaryPage(ctx('ko'), model())).toContain('@page{size:A4');
  });

  it('writes the CSV with a BOM, one shape per group, exact amounts, names quoted', () => {
    const csv = resultsCsv(model(), 'en', translator(RESULTS_MESSAGES, 'en'));
    expect(csv.startsWith('\uFEFFsection,code,name,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('total,,,2,1,1,0.5,1234567.50,99.99,');
    expect(lines).toContain('Country,VN,Vietnam (VN),1,1,0,0,1234567.50,99.99,');
    expect(lines).toContain('Exhibitor,e1,"빛고을 ""모터"", <주>",2,1,1,0.5,1234567.50,99.99,');
    expect(lines).toContain('survey,satisfaction_5,5 very satisfied,,,,,,,1');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
