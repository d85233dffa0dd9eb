import { readCsvRecords } from './buyer-csv';
import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\tcmd']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('round-trips through an RFC 4180 reader', () => {
    const values = ['광주, 서구', 'He said "go"', 'multi\r\nline', '=1+1'];
    const [record] = readCsvRecords(values.map(csvCell).join(',') + '\r\n');
    expect(record.fields).toEqual(['광주, 서구', 'He said "go"', 'multi\r\nline', "'=1+1"]);
  });
});
