import fc from 'fast-check';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { BUYER_CSV_COLUMNS, MAX_BUYER_ROWS, parseBuyerCsv, readCsvRecords, type BuyerCsvColumn, type BuyerRow } from './buyer-csv';

const PPURI = categoriesOfSeries('ppuri').map((c) => c.code);
const HEADER = BUYER_CSV_COLUMNS.join(',');

describe('readCsvRecords (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, and numbers records by their first line', () => {
    const records = readCsvRecords('\ufeffa,"b,1","say ""hi"""\r\n"multi\r\nline\nfield",x,\n\nlast');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b,1', 'say "hi"'] },
      { line: 2, fields: ['multi\r\nline\nfield', 'x', ''] },
      { line: 5, fields: [''] },
      { line: 6, fields: ['last'] },
    ]);
  });

  it('reports malformed quoting on the line where the record starts', () => {
    expect(readCsvRecords('a,b"c\nok')[0].problem).toMatch(/quote inside an unquoted field/);
    expect(readCsvRecords('"a"b,c\nok')[0].problem).toMatch(/after the closing quote/);
    const open = readCsvRecords('ok\n"never\nclosed,x\n');
    expect(open).toHaveLength(2);
    expect(open[1]).toMatchObject({ line: 2, problem: expect.stringMatching(/not closed/) });
  });

  it('keeps a lone CR inside the value (only CRLF and LF end a record)', () => {
    expect(readCsvRecords('a\rb,c')).toEqual([{ line: 1, fields: ['a\rb', 'c'] }]);
  });

  it('property: never throws; record lines increase and stay within the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '가') , maxLength: 60 }), (text) => {
        const records = readCsvRecords(text);
        const lines = text.split('\n').length;
        let previous = 0;
        for (const r of records) {
          expect(r.line).toBeGreaterThan(previous);
          expect(r.line).toBeLessThanOrEqual(lines);
          previous = r.line;
        }
      }),
    );
  });
});

describe('parseBuyerCsv', () => {
  it('imports a spreadsheet export: BOM, CRLF, Korean, quotes, any column order and case', () => {
    const text =
      '\ufeffEmail,Company,COUNTRY,contact_name,Languages,interests,purchase_plans\r\n' +
      'nguyen@hanoi-metal.example,"Hanoi Metal Works, JSC",VN,Nguyễn Văn An,vi; EN ;vi,casting;MOLD,"Buys ""precision"" castings\r\nfor 2028"\r\n' +
      'lee@seoul-trade.example,서울무역(주),KR,이서연,ko,,\r\n';
    const { rows, errors } = parseBuyerCsv(text, PPURI);
    expect(errors).toEqual([]);
    expect(rows).toEqual<BuyerRow[]>([
      {
        line: 2,
        company: 'Hanoi Metal Works, JSC',
        country: 'VN',
        contactName: 'Nguyễn Văn An',
        email: 'nguyen@hanoi-metal.example',
        languages: ['vi', 'en'],
        interests: ['casting', 'mold'],
        purchasePlans: 'Buys "precision" castings\nfor 2028',
      },
      { line: 4, company: '서울무역(주)', country: 'KR', contactName: '이서연', email: 'lee@seoul-trade.example', languages: ['ko'], interests: [] },
    ]);
  });

  it('checks every field and reports each problem with its line and column', () => {
    const lines = [
      HEADER,
      'Good Co,US,Ann,ann@good.example,en,casting,', // 2: fine
      'Lower Co,us,Bob,bob@lower.example,en,casting,', // 3
      'Nowhere Co,XX,Cy,cy@nowhere.example,en,casting,', // 4
      'Mail Co,DE,Di,not-an-email,en,casting,', // 5
      'Lang Co,DE,Ed,ed@lang.example,english;de,casting,', // 6
      'Robot Co,DE,Flo,flo@robot.example,de,robots;casting,', // 7 (robots is not a PPURI category)
      `${'x'.repeat(201)},DE,Gus,gus@long.example,de,casting,`, // 8
      'Bell\u0007 Co,DE,Hal,hal@bell.example,de,casting,', // 9
      ',DE,,ivy@empty.example,,casting,', // 10: three required cells empty
      'Dup Co,DE,Ann,ANN@good.example,en,casting,', // 11: same email as line 2
      'Short Co,DE,Jo,jo@short.example,en', // 12: 5 fields
      '"Broken"Co,DE,Kim,kim@broken.example,en,casting,', // 13
    ];
    const { rows, errors } = parseBuyerCsv(lines.join('\n'), PPURI);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'country'],
      [4, 'country'],
      [5, 'email'],
      [6, 'languages'],
      [7, 'interests'],
      [8, 'company'],
      [9, 'company'],
      [10, 'company'],
      [10, 'contact_name'],
      [10, 'languages'],
      [11, 'email'],
      [12, null],
      [13, null],
    ]);
    const message = (line: number): string => errors.find((e) => e.line === line)!.message;
    expect(message(3)).toBe('must be written in capitals: US');
    expect(message(7)).toMatch(/unknown product categories: robots/);
    expect(message(8)).toBe('is longer than 200 characters');
    expect(message(11)).toBe('ANN@good.example is already on line 2');
    expect(message(12)).toBe('expected 7 fields like the header, found 5');
  });

  it('counts 200 characters as characters, not bytes or UTF-16 units', () => {
    const company = '광'.repeat(199) + '😀';
    const { rows, errors } = parseBuyerCsv(`${HEADER}\n${company},KR,김,kim@a.example,ko,,`, PPURI);
    expect(errors).toEqual([]);
    expect(rows[0].company).toBe(company);
  });

  it('accepts line breaks only in purchase_plans', () => {
    const text = `${HEADER}\n"Multi\nLine Co",KR,Kim,kim@a.example,ko,,"line one\nline two"\nNext Co,KR,Lee,lee@a.example,ko,,`;
    const { rows, errors } = parseBuyerCsv(text, PPURI);
    expect(errors).toEqual([{ line: 2, field: 'company', message: 'contains control characters or line breaks' }]);
    expect(rows.map((r) => [r.line, r.company])).toEqual([[5, 'Next Co']]);
  });

  it('reports a duplicate email even when the first row had other errors', () => {
    const text = `${HEADER}\nA,xx,Kim,kim@a.example,ko,,\nB,KR,Kim,Kim@A.example,ko,,`;
    expect(parseBuyerCsv(text, PPURI).errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'country'],
      [3, 'email'],
    ]);
  });

  it('skips blank lines and empty spreadsheet rows without shifting line numbers', () => {
    const text = `${HEADER}\n\n,,,,,,\nA,KR,Kim,kim@a.example,ko,,\n\n`;
    expect(parseBuyerCsv(text, PPURI)).toEqual({
      rows: [{ line: 4, company: 'A', country: 'KR', contactName: 'Kim', email: 'kim@a.example', languages: ['ko'], interests: [] }],
      errors: [],
    });
  });

  it('requires the header: missing, repeated and unknown columns', () => {
    expect(parseBuyerCsv('', PPURI)).toEqual({ rows: [], errors: [{ line: 1, field: null, message: expect.stringMatching(/header/) }] });
    const missing = parseBuyerCsv('company,country,email\nA,KR,a@a.example', PPURI);
    expect(missing.rows).toEqual([]);
    expect(missing.errors.map((e) => e.field)).toEqual(['contact_name', 'languages', 'interests', 'purchase_plans']);
    const twice = parseBuyerCsv(`${HEADER},Email\nA,KR,K,a@a.example,ko,,,b@b.example`, PPURI);
    expect(twice.rows).toEqual([]);
    expect(twice.errors).toEqual([{ line: 1, field: 'email', message: 'column "email" appears twice' }]);
    // An unknown column is reported, and the rows are still checked so the organizer sees everything.
    const extra = parseBuyerCsv(`${HEADER},Notes\nA,KR,K,a@a.example,ko,,,hello\nB,XX,K,b@b.example,ko,,,`, PPURI);
    expect(extra.errors.map((e) => [e.line, e.field])).toEqual([
      [1, 'Notes'],
      [3, 'country'],
    ]);
    expect(extra.rows).toHaveLength(1);
  });

  it('reads the optional identity columns: the identifier is checked against the country and kind, per line', () => {
    const header = `${HEADER},alternate_company,identifier_kind,identifier`;
    const text = [
      header,
      'Rheinland GmbH,DE,Becker,b@r.example,de,,,라인란트,eu-vat,de 123456789',
      'Lyon SAS,FR,Martin,m@l.example,fr,,,,eu-vat,FR123',
      '빛고을무역,KR,Kim,k@b.example,ko,,,Bitgoeul Trading,,220-81-62517',
      'Osaka KK,JP,Sato,s@o.example,ja,,,,,',
      'Wien GmbH,AT,Huber,h@w.example,de,,,Wien,gb-vat,GB123456789',
    ].join('\n');
    const { rows, errors } = parseBuyerCsv(text, PPURI);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'identifier'],
      [6, 'alternate_company'],
      [6, 'identifier'],
    ]);
    expect(errors[0].message).toBe('A France (FR) VAT ID is FR followed by 2 letters or digits and 9 digits');
    expect(rows.map((r) => [r.line, r.alternateCompany, r.identifierKind, r.identifier])).toEqual([
      [2, '라인란트', 'eu-vat', 'DE123456789'],
      [4, 'Bitgoeul Trading', 'kr-brn', '2208162517'],
      [5, undefined, undefined, undefined],
    ]);
  });

  it('reports an unclosed quote on the line where its record starts', () => {
    const text = `${HEADER}\nA,KR,Kim,kim@a.example,ko,,"plans\nB,KR,Lee,lee@a.example,ko,,\n`;
    const { rows, errors } = parseBuyerCsv(text, PPURI);
    expect(rows.map((r) => r.line)).toEqual([]);
    expect(errors).toEqual([{ line: 2, field: null, message: 'a quoted field is not closed (missing ")' }]);
  });

  it(`accepts ${MAX_BUYER_ROWS} rows and reports the first one beyond`, () => {
    const body = (n: number): string =>
      Array.from({ length: n }, (_, k) => `Co ${k},KR,Kim,kim${k}@a.example,ko,casting,`).join('\r\n');
    const full = parseBuyerCsv(`${HEADER}\r\n${body(MAX_BUYER_ROWS)}`, PPURI);
    expect(full.errors).toEqual([]);
    expect(full.rows).toHaveLength(MAX_BUYER_ROWS);
    const over = parseBuyerCsv(`${HEADER}\r\n${body(MAX_BUYER_ROWS + 3)}`, PPURI);
    expect(over.errors).toEqual([{ line: MAX_BUYER_ROWS + 2, field: null, message: `too many rows: at most ${MAX_BUYER_ROWS} buyers per file` }]);
    expect(over.rows).toHaveLength(MAX_BUYER_ROWS);
  });

  describe('properties', () => {
    // Cells built from characters that stress the format: separators, quotes, Korean, emoji.
    const piece = fc.constantFrom('a', 'Z', '7', ' ', ',', '"', ';', '(주)', '광주', 'ễ', '😀', '-', "'");
    const cell = (maxLength: number): fc.Arbitrary<string> =>
      fc
        .array(piece, { minLength: 1, maxLength })
        .map((p) => p.join('').trim())
        .filter((s) => s !== '' && [...s].length <= 200);
    const plans = fc.oneof(fc.constant(''), fc.array(cell(10), { minLength: 1, maxLength: 3 }).map((p) => p.join('\n')));
    const buyer = fc.record({
      company: cell(20),
      country: fc.constantFrom('KR', 'VN', 'US', 'DE', 'CN', 'JP'),
      contactName: cell(10),
      local: fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}[a-z0-9]$/).filter((s) => !s.includes('..')),
      languages: fc.subarray(['en', 'vi', 'zh', 'ko', 'de'], { minLength: 1 }),
      interests: fc.subarray(PPURI),
      purchasePlans: plans,
    });

    interface Layout {
      columns: BuyerCsvColumn[];
      upper: boolean[];
      eol: '\r\n' | '\n';
      bom: boolean;
      quoteAll: boolean;
      finalEol: boolean;
    }
    const layout: fc.Arbitrary<Layout> = fc.record({
      columns: fc.shuffledSubarray([...BUYER_CSV_COLUMNS], { minLength: BUYER_CSV_COLUMNS.length }),
      upper: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      eol: fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
      bom: fc.boolean(),
      quoteAll: fc.boolean(),
      finalEol: fc.boolean(),
    });

    const quote = (value: string, always: boolean): string =>
      always || /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;

    /** Serializes records (each a list of raw cells, or a verbatim line) and gives the line each starts on. */
    function serialize(l: Layout, records: (string[] | { raw: string })[]): { text: string; lines: number[] } {
      const header = l.columns.map((c, k) => (l.upper[k] ? c.toUpperCase() : c)).join(',');
      const out = [header];
      const lines: number[] = [];
      let line = 2;
      for (const r of records) {
        const text = 'raw' in r ? r.raw : r.map((v) => quote(v, l.quoteAll)).join(',');
        lines.push(line);
        line += 1 + (text.match(/\n/g) ?? []).length;
        out.push(text);
      }
      return { text: (l.bom ? '\ufeff' : '') + out.join(l.eol) + (l.finalEol ? l.eol : ''), lines };
    }

    type Generated = typeof buyer extends fc.Arbitrary<infer T> ? T : never;
    const cells = (b: Generated, k: number): Record<BuyerCsvColumn, string> => ({
      company: b.company,
      country: b.country,
      contact_name: b.contactName,
      email: `${b.local}.${k}@buyer${k % 7}.example`,
      languages: b.languages.map((x, i) => (i % 2 ? ` ${x.toUpperCase()}` : x)).join(';'),
      interests: b.interests.join(';'),
      purchase_plans: b.purchasePlans,
    });
    const expected = (b: Generated, k: number, line: number): BuyerRow => {
      const row: BuyerRow = {
        line,
        company: b.company,
        country: b.country,
        contactName: b.contactName,
        email: `${b.local}.${k}@buyer${k % 7}.example`,
        languages: b.languages,
        interests: b.interests,
      };
      if (b.purchasePlans !== '') row.purchasePlans = b.purchasePlans;
      return row;
    };

    it('a valid table written with any quoting, order, case, line ending and BOM reads back unchanged', () => {
      fc.assert(
        fc.property(layout, fc.array(buyer, { maxLength: 15 }), (l, buyers) => {
          const { text, lines } = serialize(
            l,
            buyers.map((b, k) => l.columns.map((c) => cells(b, k)[c])),
          );
          const { rows, errors } = parseBuyerCsv(text, PPURI);
          expect(errors).toEqual([]);
          expect(rows).toEqual(buyers.map((b, k) => expected(b, k, lines[k])));
        }),
      );
    });

    type Damage = 'country' | 'email' | 'interest' | 'control' | 'missing-field' | 'stray-quote' | 'duplicate';
    const damageField: Record<Damage, string | null> = {
      country: 'country',
      email: 'email',
      interest: 'interests',
      control: 'company',
      'missing-field': null,
      'stray-quote': null,
      duplicate: 'email',
    };

    it('damaged rows are reported on the line where each starts, and only they are dropped', () => {
      fc.assert(
        fc.property(
          layout,
          fc.array(
            fc.tuple(
              buyer,
              fc.option(fc.constantFrom<Damage>('country', 'email', 'interest', 'control', 'missing-field', 'stray-quote', 'duplicate'), {
                nil: null,
              }),
            ),
            { minLength: 1, maxLength: 15 },
          ),
          (l, table) => {
            const records = table.map(([b, damage], k) => {
              const c = cells(b, k);
              switch (damage) {
                case null:
                  break;
                case 'country':
                  c.country = 'XX';
                  break;
                case 'email':
                  c.email = 'no-at-sign.example';
                  break;
                case 'interest':
                  c.interests = [...b.interests, 'robots'].join(';');
                  break;
                case 'control':
                  c.company = `${b.company}\u0000`;
                  break;
                case 'duplicate':
                  c.email = 'twice@same.example';
                  break;
                case 'missing-field':
                  return l.columns.slice(1).map((col) => c[col]);
                case 'stray-quote':
                  return { raw: l.columns.map((col) => (col === 'company' ? 'Bad"Co' : quote(c[col], true))).join(',') };
              }
              return l.columns.map((col) => c[col]);
            });
            const { text, lines } = serialize(l, records);
            const { rows, errors } = parseBuyerCsv(text, PPURI);

            // The first 'duplicate' row owns the address; later ones are the duplicates.
            const firstDuplicate = table.findIndex(([, d]) => d === 'duplicate');
            const bad = table.map(([, d], k) => (d === 'duplicate' ? k !== firstDuplicate : d !== null));
            expect(errors.map((e) => [e.line, e.field])).toEqual(
              table.flatMap(([, d], k) => (bad[k] && d !== null ? [[lines[k], damageField[d]]] : [])),
            );
            expect(rows.map((r) => r.line)).toEqual(lines.filter((_, k) => !bad[k]));
          },
        ),
      );
    });

    it('never throws on arbitrary text, and every error points at a line of the file', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ';', 'KR', 'x@y.example', 'casting', '가', '\u0001'), maxLength: 80 }),
          (body) => {
            const text = `${HEADER}\n${body}`;
            const { errors } = parseBuyerCsv(text, PPURI);
            const lines = text.split('\n').length;
            for (const e of errors) {
              expect(e.line).toBeGreaterThanOrEqual(1);
              expect(e.line).toBeLessThanOrEqual(lines);
            }
          },
        ),
      );
    });
  });
});
