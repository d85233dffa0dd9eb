import { mkdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { readPdf } from './support/pdf';
import { bearer, startTestApp, type TestApp } from './support/test-app';

const EDITION = 'green-car-2027'; // 2027-07-07 … 2027-07-09, registration open
const run = `${process.pid}`;
const SHOTS_DIR = process.env.SHOTS_DIR;
if (SHOTS_DIR) mkdirSync(SHOTS_DIR, { recursive: true });

/** A PDF route's answer with its bytes kept. */
const getPdf = (t: TestApp, cookie: string, path: string) => t.http.get(path).set('Cookie', cookie).buffer(true).parse((r, done) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => done(null, Buffer.concat(chunks)));
}).expect(200).then((r) => {
  // SHOTS_DIR=/tmp/shots/badges keeps the PDFs to look at (pdftoppm -png).
  if (SHOTS_DIR) writeFileSync(`${SHOTS_DIR}/${path.replace(/^\/console\/attendees\/[^/]+\//, '').replace(/[^a-z0-9.]+/gi, '_')}.pdf`, r.body as Buffer);
  return r;
});

/**
 * The filled rectangles of a PDF page (what the QR code is drawn with; text is left out) painted on
 * white at `k` pixels a point: enough for a QR scanner to read the vector QR code of the PDF.
 */
async function rasterizeRects(buf: Buffer, pageIndex: number, k = 4): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const doc = await PDFDocument.load(buf);
  const page = doc.getPage(pageIndex);
  const { width: wPt, height: hPt } = page.getSize();
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const ops = streams.map((st) => Buffer.from(decodePDFRawStream(st as PDFRawStream).decode()).toString('latin1')).join('\n').replace(/BT[\s\S]*?ET/g, ' ');
  const width = Math.ceil(wPt * k);
  const height = Math.ceil(hPt * k);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let colour = [0, 0, 0];
  let path: number[][] = [];
  const operands: number[] = [];
  for (const token of ops.split(/\s+/).filter(Boolean)) {
    if (/^-?[\d.]+$/.test(token)) { operands.push(Number(token)); continue; }
    if (token === 'q') stack.push(ctm);
    else if (token === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (token === 'cm') {
      const [a, , , d, e, f] = operands.slice(-6);
      ctm = [ctm[0] * a, 0, 0, ctm[3] * d, ctm[0] * e + ctm[4], ctm[3] * f + ctm[5]];
    } else if (token === 'scn' || token === 'rg') colour = operands.slice(-3).map((v) => Math.round(v * 255));
    else if (token === 're') {
      const [x, y, w, h] = operands.slice(-4);
      const xs = [x, x + w].map((v) => ctm[0] * v + ctm[4]);
      const ys = [y, y + h].map((v) => ctm[3] * v + ctm[5]);
      path.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    } else if (token === 'f' || token === 'f*') {
      for (const [x1, y1, x2, y2] of path) {
        for (let py = Math.round((hPt - y2) * k); py < Math.round((hPt - y1) * k); py++) {
          for (let px = Math.round(x1 * k); px < Math.round(x2 * k); px++) {
            if (px < 0 || py < 0 || px >= width || py >= height) continue;
            const i = (py * width + px) * 4;
            data[i] = colour[0];
            data[i + 1] = colour[1];
            data[i + 2] = colour[2];
          }
        }
      }
      path = [];
    } else if (token === 'n' || token === 'S') path = [];
    operands.length = 0;
  }
  return { data, width, height };
}

describe('badges that print', () => {
  let t: TestApp;
  let cookie: string;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cookie = `fairgate_session=${(await bearer(t)).slice('Bearer '.length)}`;
    const people: Array<[string, string, string, string[], string | undefined, string, 'ko' | 'en']> = [
      ['minjun', '김민준', 'buyer', ['2027-07-07', '2027-07-08'], '광주전자', 'KR', 'ko'],
      ['seoyeon', '이서연', 'press', ['2027-07-08'], '전남일보', 'KR', 'ko'],
      ['tran', 'Tran Minh', 'trade_visitor', ['2027-07-07'], 'Hanoi EV Trading', 'VN', 'en'],
      ['ayse', 'Ayşe Öztürk', 'trade_visitor', ['2027-07-07', '2027-07-09'], 'İzmir Otomotiv', 'TR', 'en'],
      ['anna', 'Anna Schmidt', 'buyer', ['2027-07-09'], undefined, 'DE', 'en'],
    ];
    for (const [key, name, kind, days, company, country, language] of people) {
      const res = await t.http.post(`/api/editions/${EDITION}/attendees`).send({
        name, email: `${key}-${run}@badges.example`, ...(company ? { company } : {}), country, kind, days, language,
        consentMessages: true, consentShareContact: true,
      }).expect(201);
      ids[key] = res.body.id;
    }
    const list = await t.http.get(`/console/attendees/${EDITION}/attendees.csv`).set('Cookie', cookie).expect(200);
    for (const line of list.text.split('\r\n')) {
      const key = Object.keys(ids).find((k) => line.includes(`${k}-${run}@`));
      const code = /FG-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(line)?.[0];
      if (key && code) codes[key] = code;
    }
    expect(Object.keys(codes).sort()).toEqual(Object.keys(ids).sort());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs the console session: without it both pages and both PDFs redirect to the login', async () => {
    for (const path of [`/console/attendees/${EDITION}/${ids.minjun}/badge`, `/console/attendees/${EDITION}/${ids.minjun}/badge.pdf`,
      `/console/attendees/${EDITION}/badges`, `/console/attendees/${EDITION}/badges.pdf?kind=buyer`]) {
      const res = await t.http.get(path).expect(303);
      expect(res.headers.location).toMatch(/^\/console\/login/);
    }
  });

  it('links to the badge from the attendee page and to the bulk sheet (with the list\'s filters) from the list', async () => {
    const detail = await t.http.get(`/console/attendees/${EDITION}/${ids.minjun}?lang=ko`).set('Cookie', cookie).expect(200);
    expect(detail.text).toContain(`href="/console/attendees/${EDITION}/${ids.minjun}/badge">배지 인쇄</a>`);
    expect(detail.text).toContain(`href="/console/attendees/${EDITION}/${ids.minjun}/badge.pdf">배지 PDF</a>`);
    const list = await t.http.get(`/console/attendees/${EDITION}?kind=trade_visitor&day=2027-07-07&lang=ko`).set('Cookie', cookie).expect(200);
    expect(list.text).toContain(`href="/console/attendees/${EDITION}/badges?kind=trade_visitor&amp;day=2027-07-07">배지 일괄 인쇄 (현재 조건)</a>`);
  });

  it('prints one badge: name in Hangul, company, country, the kind as a band with its words, the edition, the QR as SVG and the code', async () => {
    const page = await t.http.get(`/console/attendees/${EDITION}/${ids.minjun}/badge?lang=ko`).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('<a href="/console/attendees" aria-current="page">참관객</a>');
    expect(page.text).toContain('@page{size:105mm 148mm;margin:0}');
    expect(page.text.match(/<section class="sheet">/g)).toHaveLength(1);
    expect(page.text).toMatch(/<p class="name" lang="ko" style="font-size:40pt">김민준<\/p>/);
    expect(page.text).toContain('<p class="company">광주전자</p>');
    expect(page.text).toContain('<p class="country">대한민국</p>');
    expect(page.text).toMatch(/<div class="band" style="background:#047857;color:#ffffff"><span lang="ko">바이어<\/span> <span lang="en">BUYER<\/span><\/div>/);
    expect(page.text).toContain(`data-badge-code="${codes.minjun}"`);
    expect(page.text).toContain(`<p class="code">${codes.minjun}</p>`);
    expect(page.text).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1" shape-rendering="crispEdges"/);
    expect(page.text).not.toContain('class="latin"'); // no transliteration is invented
    // The 4×3 label and A4 sheets.
    const label = await t.http.get(`/console/attendees/${EDITION}/${ids.minjun}/badge?size=4x3`).set('Cookie', cookie).expect(200);
    expect(label.text).toContain('@page{size:102mm 76mm;margin:0}');
    expect(label.text).toContain('class="name-badge landscape"');
    await t.http.get(`/console/attendees/${EDITION}/not-a-uuid/badge`).set('Cookie', cookie).expect(400);
    await t.http.get(`/console/attendees/ppuri-2027/${ids.minjun}/badge`).set('Cookie', cookie).expect(404);
  });

  it('prints in bulk with the list\'s filters, sorted by name; A4 holds four badges a sheet', async () => {
    const day1 = await t.http.get(`/console/attendees/${EDITION}/badges?kind=trade_visitor&day=2027-07-07&lang=en`).set('Cookie', cookie).expect(200);
    const order = [...day1.text.matchAll(/data-badge-code="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([codes.ayse, codes.tran]); // Ayşe < Tran
    expect(day1.text).toContain('2 badges · 2 sheets');
    expect(day1.text).toContain(`href="/console/attendees/${EDITION}/badges.pdf?kind=trade_visitor&amp;day=2027-07-07"`);
    expect(day1.text).toContain('<p class="country">Türkiye</p>');

    const all = await t.http.get(`/console/attendees/${EDITION}/badges?size=a4&lang=ko`).set('Cookie', cookie).expect(200);
    expect(all.text).toContain('@page{size:210mm 297mm;margin:0}');
    expect(all.text.match(/data-badge-code=/g)).toHaveLength(5);
    expect(all.text.match(/<section class="sheet">/g)).toHaveLength(2);
    expect(all.text).toContain('배지 5장 · 용지 2장');

    const search = await t.http.get(`/console/attendees/${EDITION}/badges?q=${encodeURIComponent('전남')}`).set('Cookie', cookie).expect(200);
    expect([...search.text.matchAll(/data-badge-code="([^"]+)"/g)].map((m) => m[1])).toEqual([codes.seoyeon]);
    const none = await t.http.get(`/console/attendees/${EDITION}/badges?kind=press&day=2027-07-09&lang=ko`).set('Cookie', cookie).expect(200);
    expect(none.text).toContain('조건에 맞는 참관객이 없어 인쇄할 배지가 없습니다.');
    expect(none.text).not.toContain('badges.pdf');
    await t.http.get(`/console/attendees/${EDITION}/badges.pdf?kind=press&day=2027-07-09`).set('Cookie', cookie).expect(404);
  });

  it('makes a PDF of one badge with the Korean name as text of the embedded Nanum font', async () => {
    const res = await getPdf(t, cookie, `/console/attendees/${EDITION}/${ids.minjun}/badge.pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="badge-${EDITION}-${codes.minjun}.pdf"`);
    const pdf = await readPdf(res.body as Buffer);
    expect(pdf.pages).toBe(1);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    expect(pdf.fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z]{6}\+NanumGothicBold$/)]));
    const text = pdf.texts[0];
    expect(text).not.toContain('\uFFFD');
    for (const expected of ['김민준', '광주전자', '대한민국', '바이어', 'BUYER', codes.minjun]) expect(text.replace(/ /g, '')).toContain(expected.replace(/ /g, ''));
    // The QR code, drawn as vector rectangles, scans as the badge code.
    const img = await rasterizeRects(res.body as Buffer, 0);
    expect(jsQR(img.data, img.width, img.height)?.data).toBe(codes.minjun);
  });

  it('makes a PDF of the filtered badges, one page per badge (A6) or per four (A4); letters Nanum lacks come from the fallback font', async () => {
    const day1 = await getPdf(t, cookie, `/console/attendees/${EDITION}/badges.pdf?kind=trade_visitor&day=2027-07-07`);
    expect(day1.headers['content-disposition']).toBe(`inline; filename="badges-${EDITION}-trade_visitor-2027-07-07.pdf"`);
    const pdf = await readPdf(day1.body as Buffer);
    expect(pdf.pages).toBe(2);
    expect(pdf.texts[0].replace(/ /g, '')).toContain('AyşeÖztürk');
    expect(pdf.texts[0].replace(/ /g, '')).toContain('İzmirOtomotiv');
    expect(pdf.texts[1].replace(/ /g, '')).toContain('TranMinh');
    expect(pdf.fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\+DejaVuSans-Bold$/)]));
    expect(pdf.texts.join('')).not.toContain('\uFFFD');

    const a4 = await getPdf(t, cookie, `/console/attendees/${EDITION}/badges.pdf?size=a4`);
    expect((await readPdf(a4.body as Buffer)).pages).toBe(2); // 5 badges, 4 a sheet
    const label = await getPdf(t, cookie, `/console/attendees/${EDITION}/badges.pdf?size=4x3&kind=buyer`);
    const labels = await PDFDocument.load(label.body as Buffer);
    expect(labels.getPageCount()).toBe(2);
    const { width, height } = labels.getPage(0).getSize();
    expect([Math.round((width * 25.4) / 72), Math.round((height * 25.4) / 72)]).toEqual([102, 76]);
    const label1 = await rasterizeRects(label.body as Buffer, 0);
    expect(jsQR(label1.data, label1.width, label1.height)?.data).toBe(codes.anna); // buyers by name: Anna, 김민준
  });

  it('refuses a PDF whose names hold letters no badge font has (Thai here), naming them, and points to the print page', async () => {
    const res = await t.http.post(`/api/editions/${EDITION}/attendees`).send({
      name: 'Somchai สมชาย', email: `somchai-${run}@badges.example`, country: 'TH', kind: 'buyer', days: ['2027-07-09'], language: 'en', consentMessages: true, consentShareContact: true,
    }).expect(201);
    const pdf = await t.http.get(`/console/attendees/${EDITION}/badges.pdf?day=2027-07-09&lang=en`).set('Cookie', cookie).expect(422);
    expect(pdf.text).toContain('The badge fonts cannot draw some characters of these names: Somchai สมชาย (FG-');
    expect(pdf.text).toContain(`href="/console/attendees/${EDITION}/badges?day=2027-07-09"`);
    await t.http.get(`/console/attendees/${EDITION}/${res.body.id}/badge`).set('Cookie', cookie).expect(200);
  });
});

describe('badges without their font', () => {
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
  });

  it('answers the PDF with a page naming the missing font file (never boxes); the print page still works', async () => {
    t = await startTestApp({ env: { BADGE_FONT_PATH: '/nonexistent/NanumGothic.ttf' } });
    const cookie = `fairgate_session=${(await bearer(t)).slice('Bearer '.length)}`;
    const res = await t.http.post(`/api/editions/${EDITION}/attendees`).send({
      name: '박지훈', email: `jihoon-${run}@badges.example`, country: 'KR', kind: 'buyer', days: ['2027-07-07'], language: 'ko', consentMessages: true, consentShareContact: true,
    }).expect(201);
    const pdf = await t.http.get(`/console/attendees/${EDITION}/${res.body.id}/badge.pdf?lang=ko`).set('Cookie', cookie).expect(503);
    expect(pdf.headers['content-type']).toMatch(/^text\/html/);
    expect(pdf.text).toContain('배지용 한글 글꼴 파일이 서버에 없습니다: /nonexistent/NanumGothic.ttf');
    expect(pdf.text).toContain(`href="/console/attendees/${EDITION}/${res.body.id}/badge"`);
    await t.http.get(`/console/attendees/${EDITION}/${res.body.id}/badge`).set('Cookie', cookie).expect(200);
  });
});
