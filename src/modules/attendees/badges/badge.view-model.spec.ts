import { crc32, inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import type { AppConfig } from '../../../core/config/app-config';
import type { ConsoleContext } from '../../../core/web/console-context';
import { PdfFonts } from '../../../core/pdf/pdf-fonts';
import { badgeTexts, renderBadgesPdf, undrawable } from './badge-pdf';
import { badgesUrl, badgeUrl, renderBadgePdfFailure, renderBadgeSheetPage, type BadgeSheet } from './badge-print.view';
import {
  badgeGeometry, badgeSizeOf, badgeView, emWidth, fontRuns, KIND_BANDS, missingCharacters, nameFontPt, PAPER, qrMatrix, qrPng, qrRuns, qrSvg, QR_QUIET_ZONE, sheetsOf, slotOf,
} from './badge.view-model';

const EDITION = { code: 'green-car-2027', nameKo: '2027 국제그린카산업전시회', nameEn: '2027 International Green Car Industry Fair' };
const minjun = { id: 'a1', name: '김민준', company: '광주전자', country: 'KR', kind: 'buyer', locale: 'ko', badgeCode: 'FG-AB12-CD34' };
const anna = { id: 'a2', name: 'Anna Schmidt', company: null, country: 'DE', kind: 'press', locale: 'en', badgeCode: 'FG-ZZ99-0000' };

/** The matrix drawn as RGBA pixels (4 px a module, quiet zone white), as a scanner sees it. */
function scan(text: string): string | null {
  const m = qrMatrix(text);
  const side = m.size + 2 * QR_QUIET_ZONE;
  const px = 4;
  const w = side * px;
  const data = new Uint8ClampedArray(w * w * 4).fill(255);
  for (const [x, y, len] of qrRuns(m)) {
    for (let dy = 0; dy < px; dy++) for (let dx = 0; dx < len * px; dx++) {
      const i = ((y * px + dy) * w + x * px + dx) * 4;
      data[i] = data[i + 1] = data[i + 2] = 0;
    }
  }
  return jsQR(data, w, w)?.data ?? null;
}

describe('badge view model', () => {
  it('shows the name as given (Hangul tagged Korean), company, the country and edition in the attendee\'s language, the kind in both', () => {
    const b = badgeView(minjun, EDITION);
    expect(b).toMatchObject({ name: '김민준', nameLang: 'ko', latinName: null, company: '광주전자', country: '대한민국', editionName: EDITION.nameKo, badgeCode: 'FG-AB12-CD34', lang: 'ko' });
    expect(b.band).toEqual({ background: '#047857', text: '#ffffff', ko: '바이어', en: 'BUYER' });
    const a = badgeView(anna, EDITION);
    expect(a).toMatchObject({ nameLang: 'en', country: 'Germany', editionName: EDITION.nameEn, company: null });
    expect(a.band.ko).toBe('언론');
  });

  it('gives each kind its own colour and words', () => {
    const colours = Object.values(KIND_BANDS).map((k) => k.background);
    expect(new Set(colours).size).toBe(3);
    for (const k of Object.values(KIND_BANDS)) expect(k.ko && k.en).toBeTruthy();
  });

  it('encodes exactly the badge code in the QR (error correction M) with a four-module quiet zone', () => {
    expect(scan('FG-AB12-CD34')).toBe('FG-AB12-CD34');
    const m = qrMatrix('FG-AB12-CD34');
    expect(m.size).toBe(21); // version 1: 12 alphanumeric characters fit at level M (14 at most)
    const svg = qrSvg(m, 'FG-AB12-CD34');
    expect(svg).toContain(`viewBox="0 0 ${21 + 8} ${21 + 8}"`);
    expect(svg).toContain('<rect width="29" height="29" fill="#fff"/>');
    // No dark module inside the quiet zone.
    for (const [x, y, len] of qrRuns(m)) {
      expect(x).toBeGreaterThanOrEqual(QR_QUIET_ZONE);
      expect(y).toBeGreaterThanOrEqual(QR_QUIET_ZONE);
      expect(x + len).toBeLessThanOrEqual(QR_QUIET_ZONE + m.size);
    }
    expect(qrSvg(m, '"><script>')).not.toContain('<script>');
  });

  it("draws the email's PNG of the QR: valid chunks, one bit a pixel, and it scans back to the badge code", () => {
    const png = qrPng(qrMatrix('FG-AB12-CD34'), 240);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Walk the chunks as a decoder would: every CRC right, IHDR first, IEND last.
    const chunks: Array<{ type: string; data: Buffer }> = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const width = chunks[0].data.readUInt32BE(0);
    expect(chunks[0].data.readUInt32BE(4)).toBe(width);
    expect([...chunks[0].data.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
    expect(width).toBe(29 * 8); // 21 modules + the quiet zone, 8 px each: the largest whole scale within 240 px
    const raw = inflateSync(chunks[1].data);
    const rowBytes = Math.ceil(width / 8);
    expect(raw.length).toBe((rowBytes + 1) * width);
    const rgba = new Uint8ClampedArray(width * width * 4);
    for (let y = 0; y < width; y++) {
      expect(raw[y * (rowBytes + 1)]).toBe(0);
      for (let x = 0; x < width; x++) {
        const white = (raw[y * (rowBytes + 1) + 1 + (x >> 3)] >> (7 - (x & 7))) & 1;
        rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
        rgba[(y * width + x) * 4 + 3] = 255;
      }
    }
    expect(jsQR(rgba, width, width)?.data).toBe('FG-AB12-CD34');
  });

  it('reads ?size= leniently and knows each paper', () => {
    expect(badgeSizeOf('4x3')).toBe('4x3');
    expect(badgeSizeOf('a4')).toBe('a4');
    expect(badgeSizeOf('letter')).toBe('a6');
    expect(badgeSizeOf(['a4'])).toBe('a6');
    expect([PAPER.a6.pageWidthMm, PAPER.a6.pageHeightMm]).toEqual([105, 148]);
    expect([PAPER['4x3'].pageWidthMm, PAPER['4x3'].pageHeightMm]).toEqual([102, 76]);
    expect(badgeGeometry(PAPER['4x3']).qrMm).toBeLessThan(badgeGeometry(PAPER.a6).qrMm);
  });

  it('puts one badge a sheet on A6 and 4×3, four on A4 in two columns', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7];
    expect(sheetsOf(seven, PAPER.a6)).toHaveLength(7);
    expect(sheetsOf(seven, PAPER.a4)).toEqual([[1, 2, 3, 4], [5, 6, 7]]);
    expect(sheetsOf([], PAPER.a4)).toEqual([]);
    expect([0, 1, 2, 3, 4].map((i) => slotOf(i, PAPER.a4))).toEqual([
      { xMm: 0, yMm: 0 }, { xMm: 105, yMm: 0 }, { xMm: 0, yMm: 148.5 }, { xMm: 105, yMm: 148.5 }, { xMm: 0, yMm: 0 },
    ]);
  });

  it('sets short names at the largest size and long ones smaller, never below 14 pt', () => {
    expect(emWidth('김민준')).toBe(3);
    expect(nameFontPt('김민준', 93, 40)).toBe(40);
    const long = nameFontPt('Anna-Katharina Schmidt-Hoffmann', 93, 40);
    expect(long).toBeLessThan(40);
    expect(long).toBeGreaterThanOrEqual(14);
    expect(nameFontPt('Wolfeschlegelsteinhausenbergerdorff Hubert Blaine Wolfe­schlegel­stein­hausen­berger­dorff', 56, 26)).toBe(14);
  });

  it('splits a text into runs of the first font that has each character; reports what no font has', () => {
    const korean = (cp: number): boolean => cp < 0x100 ? cp < 0xc0 : cp >= 0xac00 && cp <= 0xd7af;
    const latin = (cp: number): boolean => cp < 0x250;
    expect(fontRuns('Ayşe Öztürk 김', [korean, latin])).toEqual([
      { font: 0, text: 'Ay' }, { font: 1, text: 'ş' }, { font: 0, text: 'e ' }, { font: 1, text: 'Ö' }, { font: 0, text: 'zt' }, { font: 1, text: 'ü' }, { font: 0, text: 'rk 김' },
    ]);
    expect(missingCharacters('김민준 ☃ Ö', (cp) => korean(cp) || latin(cp))).toEqual(['☃']);
    expect(badgeTexts(badgeView(minjun, EDITION)).map((t) => t.text)).toEqual(['바이어  BUYER', EDITION.nameKo, '김민준', '광주전자', '대한민국', 'FG-AB12-CD34']);
  });
});

describe('badge print page', () => {
  const ctx: ConsoleContext = { lang: 'ko', langHref: (l: string) => `?lang=${l}`, user: { displayName: 'organizer' } } as unknown as ConsoleContext;
  const sheet = (over: Partial<BadgeSheet> = {}): BadgeSheet => ({
    edition: EDITION, scope: { kind: 'bulk', filter: { kind: 'buyer', day: '2027-07-07' } }, paper: PAPER.a4,
    badges: [badgeView(minjun, EDITION), badgeView(anna, EDITION)], total: 2, max: 1000, ...over,
  });

  it('sets the CSS page to the paper, one sheet section per page, the filters kept in the size form', () => {
    const page = renderBadgeSheetPage(ctx, sheet());
    expect(page).toContain('@page{size:210mm 297mm;margin:0}');
    expect(page.match(/<section class="sheet">/g)).toHaveLength(1);
    expect(page).toContain('<input type="hidden" name="kind" value="buyer"><input type="hidden" name="day" value="2027-07-07">');
    expect(page).toContain('href="/console/attendees/green-car-2027/badges.pdf?kind=buyer&amp;day=2027-07-07&amp;size=a4"');
    expect(page).toContain('조건: 바이어 · 2027년 7월 7일 (수)');
    expect(page).toContain('<article class="name-badge portrait" lang="en" style="left:105mm;top:0mm;width:105mm;height:148.5mm"');
    // A Korean page: no English words of the page itself (the English attendee's badge texts are hers).
    expect(page).not.toMatch(/Download PDF|Paper|badges ·|Any kind/);
    expect(page).toContain('PDF 내려받기');
  });

  it('prints nothing and says so when the filters match too many or none', () => {
    expect(renderBadgeSheetPage(ctx, sheet({ badges: [], total: 1500 }))).toContain('배지가 1500장으로 한 번에 인쇄할 수 있는 1000장을 넘습니다.');
    const none = renderBadgeSheetPage(ctx, sheet({ badges: [], total: 0 }));
    expect(none).toContain('인쇄할 배지가 없습니다');
    expect(none).not.toContain('badges.pdf');
  });

  it('explains a PDF that cannot be made, with the right status and a link to the print page', () => {
    const font = renderBadgePdfFailure(ctx, { reason: 'font-missing', path: '/x/NanumGothic.ttf', sheet: sheet() });
    expect(font.status).toBe(503);
    expect(font.page).toContain('/x/NanumGothic.ttf');
    expect(font.page).toContain(`href="${badgesUrl('green-car-2027', { kind: 'buyer', day: '2027-07-07' }, 'a4')}"`.replace(/&/g, '&amp;'));
    const glyphs = renderBadgePdfFailure(ctx, { reason: 'glyphs-missing', who: [{ name: '☃ Kim', badgeCode: 'FG-AB12-CD34', characters: ['☃'] }], sheet: sheet({ scope: { kind: 'one', attendeeId: 'a1', name: '김민준' }, paper: PAPER.a6 }) });
    expect(glyphs.status).toBe(422);
    expect(glyphs.page).toContain('☃ Kim (FG-AB12-CD34: ☃)');
    expect(glyphs.page).toContain(`href="${badgeUrl('green-car-2027', 'a1')}"`);
    expect(renderBadgePdfFailure(ctx, { reason: 'none', sheet: sheet({ badges: [], total: 0 }) }).status).toBe(404);
  });
});

describe('badge fonts', () => {
  const config = (regular: string): AppConfig => ({ badgeFonts: { regular, bold: regular, fallbackRegular: '', fallbackBold: '' } }) as unknown as AppConfig;

  it('names the missing file instead of drawing boxes', () => {
    const state = new PdfFonts(config('/nonexistent/NanumGothic.ttf')).load();
    expect(state).toMatchObject({ ok: false, path: '/nonexistent/NanumGothic.ttf' });
  });

  it('refuses a font without Hangul', () => {
    const state = new PdfFonts(config('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')).load();
    expect(state).toMatchObject({ ok: false, reason: expect.stringContaining('no Hangul') });
  });
});

describe('badge PDF with the Debian fonts (fonts-nanum, fonts-dejavu-core)', () => {
  const fonts = new PdfFonts({ badgeFonts: {
    regular: '/usr/share/fonts/truetype/nanum/NanumGothic.ttf', bold: '/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf',
    fallbackRegular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', fallbackBold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  } } as unknown as AppConfig).load();

  it('draws Hangul with Nanum and Ö, ş, ễ with DejaVu; refuses what neither has (Thai script) instead of drawing a box', () => {
    if (!fonts.ok) throw new Error(`fonts missing: ${fonts.reason} (apt-get install fonts-nanum fonts-dejavu-core)`);
    const ok = ['김민준', 'Ayşe Öztürk', 'Nguyễn Văn An'].map((name, i) => badgeView({ ...minjun, id: `x${i}`, name }, EDITION));
    expect(undrawable(ok, fonts.fonts)).toEqual([]);
    const thai = badgeView({ ...minjun, name: 'Somchai สมชาย' }, EDITION);
    expect(undrawable([...ok, thai], fonts.fonts)).toEqual([{ name: 'Somchai สมชาย', badgeCode: 'FG-AB12-CD34', characters: ['ส', 'ม', 'ช', 'า', 'ย'] }]);
  });

  it('makes 200 badges on A4 in reasonable time, one page per four', async () => {
    if (!fonts.ok) throw new Error(fonts.reason);
    const badges = Array.from({ length: 200 }, (_, i) => badgeView({ ...minjun, id: `b${i}`, name: i % 2 ? `김민준${i}` : `Anna Schmidt ${i}` }, EDITION));
    const started = Date.now();
    const pdf = await renderBadgesPdf(badges, PAPER.a4, fonts.fonts, 'test');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(50);
    expect(Date.now() - started).toBeLessThan(15000);
  });
});
