import { csvCell } from './csv-cell';

/** A strict RFC 4180 reader, just enough to prove what csvCell writes reads back unchanged. */
function readRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      for (i++; ; i++) {
        if (i >= line.length) throw new Error('unclosed quote');
        if (line[i] === '"' && line[i + 1] === '"') value += line[i++];
        else if (line[i] === '"') break;
        else value += line[i];
      }
      i++;
    } else {
      while (i < line.length && line[i] !== ',') value += line[i++];
    }
    fields.push(value);
    if (i >= line.length) return fields;
    if (line[i] !== ',') throw new Error(`text after a closing quote at ${i}`);
    i++;
  }
}

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
    const values = ['광주, 서구', 'He said "go"', 'multi\r\nline', '=1+1', ''];
    expect(readRecord(values.map(csvCell).join(','))).toEqual(['광주, 서구', 'He said "go"', 'multi\r\nline', "'=1+1", '']);
  });
});
