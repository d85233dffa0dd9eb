import PDFDocument from 'pdfkit';
import type { BadgeFont, BadgeFontSet } from './badge-fonts';
import { fontRuns, missingCharacters, nameFontPt, qrRuns, QR_QUIET_ZONE, sheetsOf, slotOf, type BadgeView, type PaperSpec } from './badge.view-model';

/*
 * Badges as PDF with pdfkit: the Korean font embedded (subset, with a ToUnicode map so the names can
 * be searched and copied), Latin letters it lacks drawn by the fallback font, the QR code as vector
 * rectangles. One sheet per PDF page; the same geometry as the print page.
 */

const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => v * PT_PER_MM;

type Weight = 'regular' | 'bold';

/** The texts of a badge that the PDF draws, each with its weight. */
export function badgeTexts(b: BadgeView): Array<{ text: string; weight: Weight }> {
  return [
    { text: `${b.band.ko}  ${b.band.en}`, weight: 'bold' },
    { text: b.editionName, weight: 'regular' },
    { text: b.name, weight: 'bold' },
    ...(b.latinName ? [{ text: b.latinName, weight: 'regular' as const }] : []),
    ...(b.company ? [{ text: b.company, weight: 'bold' as const }] : []),
    { text: b.country, weight: 'regular' },
    { text: b.badgeCode, weight: 'bold' },
  ];
}

const familyOf = (fonts: BadgeFontSet, weight: Weight): BadgeFont[] =>
  weight === 'bold' ? [fonts.bold, ...(fonts.fallbackBold ? [fonts.fallbackBold] : [])] : [fonts.regular, ...(fonts.fallbackRegular ? [fonts.fallbackRegular] : [])];

/** Characters of the badges no configured font draws, per badge (empty: the PDF can be made). */
export function undrawable(badges: BadgeView[], fonts: BadgeFontSet): Array<{ name: string; badgeCode: string; characters: string[] }> {
  const out: Array<{ name: string; badgeCode: string; characters: string[] }> = [];
  for (const b of badges) {
    const chars = new Set<string>();
    for (const { text, weight } of badgeTexts(b)) {
      const family = familyOf(fonts, weight);
      for (const c of missingCharacters(text, (cp) => family.some((f) => f.has(cp)))) chars.add(c);
    }
    if (chars.size > 0) out.push({ name: b.name, badgeCode: b.badgeCode, characters: [...chars] });
  }
  return out;
}

/** Draws the badges; resolves with the PDF's bytes. The caller has checked `undrawable` first. */
export function renderBadgesPdf(badges: BadgeView[], paper: PaperSpec, fonts: BadgeFontSet, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: [mm(paper.pageWidthMm), mm(paper.pageHeightMm)], margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Fairgate' } });
  const names: Record<string, BadgeFont | null> = { r: fonts.regular, b: fonts.bold, fr: fonts.fallbackRegular, fb: fonts.fallbackBold };
  for (const [name, f] of Object.entries(names)) if (f) doc.registerFont(name, f.bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  /** Text in runs of the font that has its characters, wrapped in `width`, aligned. */
  const text = (s: string, weight: Weight, size: number, x: number, y: number, width: number, opts: { align?: 'center' | 'left'; color?: string; lines?: number } = {}): number => {
    const family = weight === 'bold' ? ['b', 'fb'] : ['r', 'fr'];
    const runs = fontRuns(s, familyOf(fonts, weight).map((f) => f.has));
    doc.fillColor(opts.color ?? '#111111').fontSize(size).font(family[runs[0]?.font ?? 0]);
    const height = doc.currentLineHeight(true) * (opts.lines ?? 1) + 1;
    runs.forEach((run, i) => {
      doc.font(family[run.font]).text(run.text, i === 0 ? x : undefined, i === 0 ? y : undefined, {
        width, height, align: opts.align ?? 'center', lineGap: 0, ellipsis: true, continued: i < runs.length - 1,
      });
    });
    return doc.y;
  };

  const qr = (b: BadgeView, x: number, y: number, side: number): void => {
    const cells = b.qr.size + 2 * QR_QUIET_ZONE;
    const m = side / cells;
    doc.rect(x, y, side, side).fill('#ffffff');
    for (const [cx, cy, w] of qrRuns(b.qr)) doc.rect(x + cx * m, y + cy * m, w * m, m);
    doc.fill('#000000');
  };

  const badge = (b: BadgeView, index: number): void => {
    const slot = slotOf(index, paper);
    const x0 = mm(slot.xMm);
    const y0 = mm(slot.yMm);
    const w = mm(paper.badgeWidthMm);
    const h = mm(paper.badgeHeightMm);
    const landscape = paper.orientation === 'landscape';
    const bandH = mm(landscape ? 11 : 16);
    const bandPt = landscape ? 12 : 15;
    doc.rect(x0, y0, w, bandH).fill(b.band.background);
    text(`${b.band.ko}  ${b.band.en}`, 'bold', bandPt, x0, y0 + (bandH - bandPt * 1.2) / 2 + bandPt * 0.1, w, { color: b.band.text });

    const qrSide = mm(landscape ? 36 : 44);
    const codePt = 9;
    let textX: number;
    let textW: number;
    let y: number;
    let qrX: number;
    let qrY: number;
    if (landscape) {
      qrX = x0 + w - mm(3) - qrSide;
      qrY = y0 + bandH + (h - bandH - qrSide - codePt * 1.3) / 2;
      textX = x0 + mm(5);
      textW = qrX - mm(2) - textX;
      y = y0 + bandH + mm(4);
    } else {
      qrX = x0 + (w - qrSide) / 2;
      qrY = y0 + h - mm(3) - codePt * 1.3 - qrSide;
      textX = x0 + mm(6);
      textW = w - mm(12);
      y = y0 + bandH + mm(4);
    }
    const align = landscape ? 'left' : 'center';
    y = text(b.editionName, 'regular', 9, textX, y, textW, { align, color: '#444444' }) + mm(1.5);
    const namePt = nameFontPt(b.name, paper.badgeWidthMm - (landscape ? 44 : 12), landscape ? 22 : 30);
    y = text(b.name, 'bold', namePt, textX, y, textW, { align, lines: 2 }) + mm(1.5);
    if (b.latinName) y = text(b.latinName, 'regular', 11, textX, y, textW, { align }) + mm(1.5);
    if (b.company) y = text(b.company, 'bold', 12, textX, y, textW, { align, lines: 2 }) + mm(1.5);
    text(b.country, 'regular', 10, textX, y, textW, { align, color: '#333333' });

    qr(b, qrX, qrY, qrSide);
    text(b.badgeCode, 'bold', codePt, qrX - mm(10), qrY + qrSide, qrSide + mm(20), { align: 'center' });
  };

  let index = 0;
  for (const sheet of sheetsOf(badges, paper)) {
    doc.addPage();
    if (paper.columns * paper.rows > 1) {
      // Cut lines between the badges of a sheet.
      doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#c0c4cc');
      for (let c = 1; c < paper.columns; c++) doc.moveTo(mm(c * paper.badgeWidthMm), 0).lineTo(mm(c * paper.badgeWidthMm), mm(paper.pageHeightMm)).stroke();
      for (let r = 1; r < paper.rows; r++) doc.moveTo(0, mm(r * paper.badgeHeightMm)).lineTo(mm(paper.pageWidthMm), mm(r * paper.badgeHeightMm)).stroke();
      doc.restore();
    }
    for (const b of sheet) badge(b, index++);
  }
  doc.end();
  return done;
}
