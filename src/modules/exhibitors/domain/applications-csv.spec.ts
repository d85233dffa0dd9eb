import { applicationsCsv, type ApplicationCsvRow } from './applications-csv';

const HEADER = 'id,edition,status,company_name,business_registration_number,country,contact_name,contact_email,contact_phone,booth_type,booth_count,hall,booths,product_categories,total_krw,submitted_at,updated_at,company_identifier_kind,company_identifier';

const row = (over: Partial<ApplicationCsvRow> = {}): ApplicationCsvRow => ({
  id: 'a1', editionCode: 'ppuri-2027', status: 'approved', companyName: '빛고을정밀 주식회사', businessRegistrationNumber: '2208162517', companyIdentifierKind: 'kr-brn', companyIdentifier: '220-81-62517', country: 'KR',
  contactName: '김민준', contactEmail: 'minjun.kim@bitgoeul-precision.example', contactPhone: '062-123-4567', boothType: 'shell_scheme', boothCount: 2,
  hallCode: '1', boothCodes: ['1A01', '1A02'], productCategories: ['casting', 'mold'], totalKrw: 5_720_000,
  submittedAt: new Date('2027-03-05T05:00:00Z'), updatedAt: new Date('2027-03-31T15:30:00Z'), ...over,
});

/** Data lines of the export, without the BOM, header and final line end. */
const body = (csv: string): string[] => csv.slice(1).split('\r\n').slice(1, -1);

describe('applicationsCsv', () => {
  it('starts with a UTF-8 BOM and the header, ends lines with CRLF', () => {
    const csv = applicationsCsv([]);
    expect(csv).toBe(`\uFEFF${HEADER}\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes one line per application, Korean intact, times in Korea time with the offset', () => {
    const csv = applicationsCsv([row()]);
    expect(body(csv)).toEqual([
      'a1,ppuri-2027,approved,빛고을정밀 주식회사,2208162517,KR,김민준,minjun.kim@bitgoeul-precision.example,062-123-4567,shell_scheme,2,1,1A01 1A02,casting mold,5720000,2027-03-05 14:00 +09:00,2027-04-01 00:30 +09:00,kr-brn,220-81-62517',
    ]);
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toContain('빛고을정밀 주식회사');
  });

  it('leaves cells empty for what is not known yet', () => {
    const [line] = body(applicationsCsv([row({ status: 'submitted', hallCode: null, boothCodes: [], totalKrw: null, submittedAt: null })]));
    expect(line.split(',').slice(-8, -2)).toEqual(['', '', 'casting mold', '', '', '2027-04-01 00:30 +09:00']);
  });

  it('neutralises formulas in every text cell', () => {
    const [line] = body(applicationsCsv([row({ companyName: '=cmd|" /C calc"!A0', contactName: '@SUM(A1)', contactPhone: '+82 62-123-4567' })]));
    expect(line).toContain(`,"'=cmd|"" /C calc""!A0",`);
    expect(line).toContain(",'@SUM(A1),");
    expect(line).toContain(",'+82 62-123-4567,");
  });

  it('quotes commas, quotes and line breaks so each row stays one record', () => {
    const csv = applicationsCsv([row({ companyName: 'Acme, "Best" Ltd', contactName: 'Line one\r\nLine two' }), row({ id: 'a2' })]);
    expect(csv).toContain(',"Acme, ""Best"" Ltd",');
    expect(csv).toContain(',"Line one\r\nLine two",');
    expect(csv.split('\r\na2,')).toHaveLength(2);
  });

  it('keeps the order it is given', () => {
    expect(body(applicationsCsv([row({ id: 'z' }), row({ id: 'b' })])).map((l) => l.split(',')[0])).toEqual(['z', 'b']);
  });
});
