import PDFDocument from 'pdfkit';
import { fontRuns } from '../../../core/pdf/font-runs';
import type { PdfFontSet } from '../../../core/pdf/pdf-fonts';
import { displayDate } from '../../../core/time/display';
import { DOC_WORDS, type DocumentView } from './invoice-document';

/*
 * The invoice as an A4 PDF with pdfkit: the Korean font embedded (subset, searchable text), Latin
 * letters it lacks drawn by the fallback font. Same words and figures as the printable page.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

export function renderInvoicePdf(view: DocumentView, fonts: PdfFontSet): Promise<Buffer> {
  const doc = new PDFDocument({ size: A4, margin: MARGIN, autoFirstPage: true, info: { Title: `${view.title} ${view.number ?? ''}`.trim(), Creator: 'Fairgate' } });
  const faces = { r: fonts.regular, b: fonts.bold, fr: fonts.fallbackRegular, fb: fonts.fallbackBold };
  for (const [name, f] of Object.entries(faces)) if (f) doc.registerFont(name, f.bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const family = (bold: boolean): Array<{ name: string; has: (cp: number) => boolean }> => {
    const main = bold ? { name: 'b', has: fonts.bold.has } : { name: 'r', has: fonts.regular.has };
    const fb = bold ? fonts.fallbackBold : fonts.fallbackRegular;
    return fb ? [main, { name: bold ? 'fb' : 'fr', has: fb.has }] : [main];
  };
  const width = (text: string, size: number, bold = false): number => {
    const fam = family(bold);
    return fontRuns(text, fam.map((f) => f.has)).reduce((w, r) => w + doc.font(fam[r.font].name).fontSize(size).widthOfString(r.text), 0);
  };
  /** One line of text at (x, y), its runs each in the font that draws them; `align` right ends at x. */
  const text = (t: string, x: number, y: number, size: number, opts: { bold?: boolean; align?: 'left' | 'right' } = {}): void => {
    const fam = family(opts.bold ?? false);
    let cx = opts.align === 'right' ? x - width(t, size, opts.bold) : x;
    for (const r of fontRuns(t, fam.map((f) => f.has))) {
      doc.font(fam[r.font].name).fontSize(size).text(r.text, cx, y, { lineBreak: false });
      cx += doc.widthOfString(r.text);
    }
  };
  const w = DOC_WORDS[view.lang];
  const right = A4[0] - MARGIN;
  let y = MARGIN;

  text(view.title, MARGIN, y, 20, { bold: true });
  if (view.number) text(`${w.number} ${view.number}`, right, y + 4, 10, { align: 'right' });
  y += 30;
  text(view.editionName, MARGIN, y, 11);
  if (view.issuedOn) text(`${w.issued} ${displayDate(view.issuedOn, view.lang)}`, right, y, 10, { align: 'right' });
  y += 26;

  // The two parties side by side.
  const col = (A4[0] - 2 * MARGIN) / 2;
  const party = (title: string, rows: Array<[string, string]>, x: number): number => {
    let py = y;
    text(title, x, py, 11, { bold: true });
    py += 16;
    for (const [k, v] of rows) {
      text(k, x, py, 8);
      py += 10;
      text(v.length > 48 ? `${v.slice(0, 47)}…` : v, x, py, 9);
      py += 13;
    }
    return py;
  };
  y = Math.max(party(w.seller, view.seller, MARGIN), party(w.buyer, view.buyer, MARGIN + col)) + 12;

  // The lines.
  const cols = { item: MARGIN, qty: MARGIN + 270, unit: MARGIN + 370, amount: right };
  doc.moveTo(MARGIN, y).lineTo(right, y).stroke('#999999');
  y += 6;
  text(w.item, cols.item, y, 9, { bold: true });
  text(w.quantity, cols.qty, y, 9, { bold: true, align: 'right' });
  text(w.unit, cols.unit, y, 9, { bold: true, align: 'right' });
  text(w.amount, cols.amount, y, 9, { bold: true, align: 'right' });
  y += 16;
  for (const l of view.lines) {
    text(`${l.label} · ${l.kind}`, cols.item, y, 9);
    text(l.quantity, cols.qty, y, 9, { align: 'right' });
    text(l.unit, cols.unit, y, 9, { align: 'right' });
    text(l.amount, cols.amount, y, 9, { align: 'right' });
    y += 15;
  }
  doc.moveTo(MARGIN, y).lineTo(right, y).stroke('#999999');
  y += 8;
  for (const [k, v] of view.totals) {
    text(k, cols.unit - 60, y, 10, { bold: k === w.total });
    text(v, cols.amount, y, 10, { bold: k === w.total, align: 'right' });
    y += 16;
  }
  y += 10;
  for (const [k, v] of view.schedule) {
    text(k, MARGIN, y, 10, { bold: true });
    text(v, MARGIN + 70, y, 10);
    y += 16;
  }
  y += 6;
  text(w.bank, MARGIN, y, 10, { bold: true });
  text(view.bankAccount, MARGIN + 70, y, 10);
  doc.end();
  return done;
}
