import { mkdirSync } from 'node:fs';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { useBrowserApp } from './support/browser';
import { bearer } from './support/test-app';

const EDITION = 'green-car-2027'; // 2027-07-07 … 2027-07-09
const run = `${process.pid}`;
/** Set SHOTS_DIR to keep screenshots (e.g. SHOTS_DIR=/tmp/shots/badges). */
const SHOTS_DIR = process.env.SHOTS_DIR;

/** What a QR code in a PNG says (jsQR on the decoded pixels), or null. */
function decodeQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

/** The badge print pages in Chromium: their paper size and page count when printed, and QR codes that scan. */
describe('badges in a browser', () => {
  const env = useBrowserApp();
  let context: BrowserContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const people: Array<[string, string, string, string[], string | undefined, string, 'ko' | 'en']> = [
      ['minjun', '김민준', 'buyer', ['2027-07-07'], '광주전자부품 주식회사', 'KR', 'ko'],
      ['seoyeon', '남궁서연', 'press', ['2027-07-07'], '전남일보', 'KR', 'ko'],
      ['tran', 'Tran Thi Minh Ngoc', 'trade_visitor', ['2027-07-07'], 'Hanoi EV Trading', 'VN', 'en'],
      ['ayse', 'Ayşe Öztürk', 'trade_visitor', ['2027-07-07'], 'İzmir Otomotiv', 'TR', 'en'],
      ['anna', 'Anna-Katharina Schmidt-Hoffmann', 'buyer', ['2027-07-08'], undefined, 'DE', 'en'],
    ];
    for (const [key, name, kind, days, company, country, language] of people) {
      const res = await env.t.http.post(`/api/editions/${EDITION}/attendees`).send({
        name, email: `${key}-${run}@badges.example`, ...(company ? { company } : {}), country, kind, days, language, consentMessages: true, consentShareContact: true,
      }).expect(201);
      ids[key] = res.body.id;
    }
    context = await env.browser.newContext({ locale: 'ko-KR', deviceScaleFactor: 2 });
    const token = (await bearer(env.t)).slice('Bearer '.length);
    await context.addCookies([{ name: 'fairgate_session', value: token, url: env.base }]);
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Opens a page at a width: 200, no horizontal scrolling, every link on it answers below 400. */
  async function look(page: Page, path: string, width: number, shot: string): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    const res = await page.goto(`${env.base}${path}`);
    expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect({ path, width, overflow }).toEqual({ path, width, overflow: 0 });
    const hrefs = await page.evaluate<string[]>(`[...document.querySelectorAll('a[href]')].map((a) => a.href)`);
    for (const href of new Set(hrefs.map((h) => h.split('#')[0]))) {
      if (!href.startsWith(env.base)) continue;
      const answer = await context.request.get(href, { maxRedirects: 0 });
      expect({ href, status: answer.status() < 400 }).toEqual({ href, status: true });
    }
    if (SHOTS_DIR) {
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: `${SHOTS_DIR}/${shot}-${width}.png`, fullPage: true });
    }
  }

  /** Prints the page as Chromium does (print media, the CSS @page size): the PDF's pages and their size in mm. */
  async function printed(page: Page): Promise<{ pages: number; sizeMm: number[] }> {
    await page.emulateMedia({ media: 'print' });
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const { width, height } = pdf.getPage(0).getSize();
    return { pages: pdf.getPageCount(), sizeMm: [Math.round((width * 25.4) / 72), Math.round((height * 25.4) / 72)] };
  }

  /** Each sheet as it prints (print media), photographed at 2× and scanned: the codes found, in order. */
  async function scanSheets(page: Page, shot: string): Promise<string[]> {
    await page.emulateMedia({ media: 'print' });
    const found: string[] = [];
    const badges = page.locator('.name-badge');
    const n = await badges.count();
    for (let i = 0; i < n; i++) found.push(decodeQr(await badges.nth(i).screenshot()) ?? '(unreadable)');
    if (SHOTS_DIR) {
      const sheets = page.locator('.sheet');
      for (let i = 0; i < Math.min(2, await sheets.count()); i++) await sheets.nth(i).screenshot({ path: `${SHOTS_DIR}/${shot}-print-${i + 1}.png` });
    }
    await page.emulateMedia({ media: 'screen' });
    return found;
  }

  const codesOn = (page: Page): Promise<string[]> => page.evaluate<string[]>(`[...document.querySelectorAll('.name-badge')].map((b) => b.dataset.badgeCode)`);

  it('prints one Korean badge on one A6 page whose QR code scans as the badge code; reads at 360 and 1280 px', async () => {
    const page = await context.newPage();
    for (const width of [360, 1280]) await look(page, `/console/attendees/${EDITION}/${ids.minjun}/badge?lang=ko`, width, 'badge-ko');
    const [code] = await codesOn(page);
    expect(code).toMatch(/^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await printed(page)).toEqual({ pages: 1, sizeMm: [105, 148] });
    expect(await scanSheets(page, 'badge-ko-a6')).toEqual([code]);
    // The name as given, in Hangul, drawn by a font that has the syllables (Chromium says which fonts drew a node's glyphs).
    expect(await page.locator('.name-badge .name').textContent()).toBe('김민준');
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.name-badge .name' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => ({ family: f.familyName, glyphs: f.glyphCount }))).toEqual([{ family: expect.stringMatching(/Nanum|Noto Sans CJK|Apple SD Gothic|Malgun/), glyphs: 3 }]);
    await cdp.detach();

    await look(page, `/console/attendees/${EDITION}/${ids.minjun}/badge?size=4x3&lang=ko`, 1280, 'badge-ko-4x3');
    expect(await printed(page)).toEqual({ pages: 1, sizeMm: [102, 76] });
    expect(await scanSheets(page, 'badge-ko-4x3')).toEqual([code]);
    // The console pages that link here.
    await look(page, `/console/attendees/${EDITION}/${ids.minjun}?lang=ko`, 360, 'detail-ko');
    await look(page, `/console/attendees/${EDITION}?day=2027-07-07&lang=ko`, 360, 'list-ko');
    await page.close();
  });

  it('prints the day\'s badges in bulk: one A6 page each, or four to an A4 sheet; every QR code scans', async () => {
    const page = await context.newPage();
    for (const width of [360, 1280]) await look(page, `/console/attendees/${EDITION}/badges?day=2027-07-07&lang=ko`, width, 'bulk-ko');
    const codes = await codesOn(page);
    expect(codes).toHaveLength(4);
    expect(await printed(page)).toEqual({ pages: 4, sizeMm: [105, 148] });
    expect(await scanSheets(page, 'bulk-a6')).toEqual(codes);

    await look(page, `/console/attendees/${EDITION}/badges?size=a4&lang=ko`, 1280, 'bulk-a4');
    const all = await codesOn(page);
    expect(all).toHaveLength(5);
    expect(await printed(page)).toEqual({ pages: 2, sizeMm: [210, 297] });
    expect(await scanSheets(page, 'bulk-a4')).toEqual(all);

    await look(page, `/console/attendees/${EDITION}/badges?kind=trade_visitor&size=4x3&lang=en`, 1280, 'bulk-4x3-en');
    expect(await printed(page)).toEqual({ pages: 2, sizeMm: [102, 76] });
    expect(await scanSheets(page, 'bulk-4x3')).toEqual(await codesOn(page));
    await page.close();
  });
});
