import { buildResultsReport, centsToUsd, meetingAmounts, usdToCents, type ReportMeetingRow, type ReportSurveyRow } from './results-report';

const meeting = (id: string, outcome: ReportMeetingRow['outcome'], country: string, exhibitor: string, categories: string[]): ReportMeetingRow => ({
  meetingId: id, outcome, buyerId: `b-${id}`, buyerCountry: country, exhibitorId: exhibitor, exhibitorName: `Company ${exhibitor}`, exhibitorCategories: categories,
});
const survey = (meetingId: string, side: 'buyer' | 'exhibitor', a: Partial<ReportSurveyRow> = {}): ReportSurveyRow => ({
  meetingId, side, answered: true, satisfaction: null, followUp: null, consultationUsd: null, expectedContractUsd: null, ...a,
});

describe('the results report', () => {
  it('converts USD amounts to cents and back exactly', () => {
    expect(usdToCents('1234.5')).toBe(123450);
    expect(usdToCents('0.07')).toBe(7);
    expect(usdToCents('999999999999.99')).toBe(99999999999999);
    expect(usdToCents(null)).toBeNull();
    expect(centsToUsd(123450)).toBe('1234.50');
    expect(centsToUsd(7)).toBe('0.07');
  });

  it("counts a meeting's amounts from the buyer's answer, else the exhibitor's, each amount on its own, never both added", () => {
    expect(meetingAmounts([survey('m', 'buyer', { consultationUsd: '100.00' }), survey('m', 'exhibitor', { consultationUsd: '900.00', expectedContractUsd: '50.00' })]))
      .toEqual({ consultationCents: 10000, expectedContractCents: 5000 });
    expect(meetingAmounts([survey('m', 'buyer', { answered: false, consultationUsd: '100.00' }), survey('m', 'exhibitor', { consultationUsd: '900.00' })]))
      .toEqual({ consultationCents: 90000, expectedContractCents: 0 });
    expect(meetingAmounts([])).toEqual({ consultationCents: 0, expectedContractCents: 0 });
  });

  it('gives the no-show rate as no-shows / (held + no-shows), meetings not recorded left out', () => {
    const r = buildResultsReport(
      [meeting('1', 'held', 'VN', 'e1', ['a']), meeting('2', 'no_show_buyer', 'VN', 'e1', ['a']), meeting('3', 'no_show_both', 'US', 'e2', []), meeting('4', null, 'US', 'e2', []), meeting('5', 'held', 'US', 'e2', [])],
      [],
    );
    expect(r.totals).toMatchObject({ meetings: 5, held: 2, noShows: 2, notRecorded: 1, noShowBuyer: 1, noShowBoth: 1, noShowExhibitor: 0, noShowRate: 0.5 });
    expect(buildResultsReport([meeting('4', null, 'US', 'e2', [])], []).totals.noShowRate).toBeNull();
  });

  it('groups by buyer country, by each of the exhibitor categories and by exhibitor; the groups of one kind add up', () => {
    const meetings = [
      meeting('1', 'held', 'VN', 'e1', ['battery', 'motor']),
      meeting('2', 'held', 'VN', 'e2', ['motor']),
      meeting('3', 'held', 'US', 'e2', ['motor']),
      meeting('4', 'no_show_exhibitor', 'US', 'e1', ['battery', 'motor']),
      meeting('5', 'held', 'JP', 'e3', []),
    ];
    const surveys = [
      survey('1', 'buyer', { consultationUsd: '1000.00', expectedContractUsd: '200.00', satisfaction: 5, followUp: true }),
      survey('1', 'exhibitor', { consultationUsd: '5000.00', satisfaction: 4, followUp: true }),
      survey('2', 'exhibitor', { consultationUsd: '300.50', satisfaction: 2, followUp: false }),
      survey('2', 'buyer', { answered: false }),
      survey('3', 'buyer', { answered: false }),
      survey('3', 'exhibitor', { answered: false }),
      survey('5', 'buyer', { consultationUsd: '0.25' }),
    ];
    const r = buildResultsReport(meetings, surveys);
    expect(r.totals.consultationCents).toBe(100000 + 30050 + 25);
    expect(r.totals.expectedContractCents).toBe(20000);
    expect(r.byCountry.map((g) => [g.key, g.meetings, g.held, g.noShows, g.consultationCents])).toEqual([
      ['VN', 2, 2, 0, 130050], ['JP', 1, 1, 0, 25], ['US', 2, 1, 1, 0],
    ]);
    expect(r.byCountry.reduce((n, g) => n + g.consultationCents, 0)).toBe(r.totals.consultationCents);
    expect(r.byExhibitor.reduce((n, g) => n + g.meetings, 0)).toBe(r.totals.meetings);
    expect(r.byExhibitor.find((g) => g.key === 'e1')).toMatchObject({ name: 'Company e1', meetings: 2, held: 1, noShows: 1, noShowRate: 0.5, consultationCents: 100000 });
    expect(r.byCategory.map((g) => [g.key, g.meetings, g.consultationCents])).toEqual([['motor', 4, 130050], ['battery', 2, 100000], ['', 1, 25]]);
    expect(r.surveys).toMatchObject({
      sent: 7, answered: 4, responseRate: 4 / 7, satisfaction: [0, 1, 0, 1, 1], satisfactionAverage: 11 / 3, followUpYes: 2, followUpAnswered: 3, followUpShare: 2 / 3,
      bySide: { buyer: { sent: 4, answered: 2 }, exhibitor: { sent: 3, answered: 2 } },
    });
  });

  it('leaves surveys of meetings outside the report out of the survey figures', () => {
    const r = buildResultsReport([meeting('1', 'held', 'VN', 'e1', [])], [survey('1', 'buyer', { satisfaction: 3 }), survey('gone', 'buyer', { satisfaction: 1 })]);
    expect(r.surveys.sent).toBe(1);
    expect(r.surveys.satisfaction).toEqual([0, 0, 1, 0, 0]);
  });
});
