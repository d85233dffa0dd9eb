import PDFDocument from 'pdfkit';
import type { PdfFont, PdfFontSet } from '../../../core/pdf/pdf-fonts';
import { badgeGeometry, fontRuns, missingCharacters, nameFontPt, qrRuns, QR_QUIET_ZONE, sheetsOf, slotOf, type BadgeView, type PaperSpec } from './badge.view-model';

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

const familyOf = (fonts: PdfFontSet, weight: Weight): PdfFont[] =>
  weight === 'bold' ? [fonts.bold, ...(fonts.fallbackBold ? [fonts.fallbackBold] : [])] : [fonts.regular, ...(fonts.fallbackRegular ? [fonts.fallbackRegular] : [])];

/** Characters of the badges no configured font draws, per badge (empty: the PDF can be made). */
export function undrawable(badges: BadgeView[], fonts: PdfFontSet): Array<{ name: string; badgeCode: string; characters: string[] }> {
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
export function renderBadgesPdf(badges: BadgeView[], paper: PaperSpec, fonts: PdfFontSet, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: [mm(paper.pageWidthMm), mm(paper.pageHeightMm)], margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Fairgate' } });
  const names: Record<string, PdfFont | null> = { r: fonts.regular, b: fonts.bold, fr: fonts.fallbackRegular, fb: fonts.fallbackBold };
  for (const [name, f] of Object.entries(names)) if (f) doc.registerFont(name, f.bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const familyNames = (weight: Weight): string[] => (weight === 'bold' ? ['b', 'fb'] : ['r', 'fr']);
  const widthOf = (run: { font: number; text: string }, weight: Weight, size: number): number =>
    doc.font(familyNames(weight)[run.font]).fontSize(size).widthOfString(run.text);
  const measure = (t: string, weight: Weight, size: number): number =>
    fontRuns(t, familyOf(fonts, weight).map((f) => f.has)).reduce((w, r) => w + widthOf(r, weight, size), 0);

  /** A text laid out in lines of at most `width` (breaking at spaces, or anywhere in a word too long for a line). */
  const layout = (t: string, weight: Weight, size: number, width: number, maxLines: number): string[] => {
    const lines: string[] = [];
    let line = '';
    const push = (word: string): void => {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, weight, size) <= width) { line = candidate; return; }
      if (line) lines.push(line);
      line = '';
      if (measure(word, weight, size) <= width) { line = word; return; }
      for (const c of word) {
        if (line && measure(line + c, weight, size) > width) { lines.push(line); line = ''; }
        line += c;
      }
    };
    for (const word of t.split(/\s+/).filter(Boolean)) push(word);
    if (line) lines.push(line);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = lines.slice(maxLines - 1).join(' ');
    while (last.length > 1 && measure(`${last}…`, weight, size) > width) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = `${last}…`;
    return kept;
  };

  const lineHeight = (size: number): number => size * 1.25;

  /** Draws laid-out lines from `top`, each run in its font on a common baseline; returns the bottom. */
  const draw = (lines: string[], weight: Weight, size: number, x: number, top: number, width: number, align: 'center' | 'left', color: string): number => {
    doc.fillColor(color);
    let y = top;
    for (const l of lines) {
      const runs = fontRuns(l, familyOf(fonts, weight).map((f) => f.has));
      const total = runs.reduce((w, r) => w + widthOf(r, weight, size), 0);
      let cx = align === 'center' ? x + (width - total) / 2 : x;
      const baseline = y + size * 0.95;
      for (const r of runs) {
        doc.font(familyNames(weight)[r.font]).fontSize(size).text(r.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
        cx += widthOf(r, weight, size);
      }
      y += lineHeight(size);
    }
    return y;
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
    const g = badgeGeometry(paper);
    const bandH = mm(g.bandMm);
    const bandPt = g.bandPt;
    doc.rect(x0, y0, w, bandH).fill(b.band.background);
    const bandText = `${b.band.ko}  ${b.band.en}`;
    draw([bandText], 'bold', bandPt, x0, y0 + (bandH - lineHeight(bandPt)) / 2, w, 'center', b.band.text);

    const qrSide = mm(g.qrMm);
    const codePt = 9;
    const gap = mm(1.5);
    const landscape = paper.orientation === 'landscape';
    const qrX = landscape ? x0 + w - mm(3) - qrSide : x0 + (w - qrSide) / 2;
    const qrY = landscape ? y0 + bandH + (h - bandH - qrSide - lineHeight(codePt)) / 2 : y0 + h - mm(3) - lineHeight(codePt) - qrSide;
    const textX = landscape ? x0 + mm(5) : x0 + mm(6);
    const textW = landscape ? qrX - mm(2) - textX : w - mm(12);
    const regionTop = y0 + bandH + mm(3);
    const regionBottom = landscape ? y0 + h - mm(3) : qrY - mm(3);
    const align = landscape ? 'left' : 'center';

    const namePt = nameFontPt(b.name, g.textWidthMm, g.nameMaxPt);
    const blocks: Array<{ lines: string[]; weight: Weight; size: number; color: string }> = [
      { lines: layout(b.editionName, 'regular', 9, textW, 2), weight: 'regular', size: 9, color: '#444444' },
      { lines: layout(b.name, 'bold', namePt, textW, 2), weight: 'bold', size: namePt, color: '#111111' },
      ...(b.latinName ? [{ lines: layout(b.latinName, 'regular', 11, textW, 1), weight: 'regular' as const, size: 11, color: '#111111' }] : []),
      ...(b.company ? [{ lines: layout(b.company, 'bold', 12, textW, 2), weight: 'bold' as const, size: 12, color: '#111111' }] : []),
      { lines: layout(b.country, 'regular', 10, textW, 1), weight: 'regular', size: 10, color: '#333333' },
    ];
    const height = blocks.reduce((sum, k) => sum + k.lines.length * lineHeight(k.size), 0) + gap * (blocks.length - 1);
    let y = Math.max(regionTop, regionTop + (regionBottom - regionTop - height) / 2);
    for (const k of blocks) y = draw(k.lines, k.weight, k.size, textX, y, textW, align, k.color) + gap;

    qr(b, qrX, qrY, qrSide);
    draw([b.badgeCode], 'bold', codePt, qrX - mm(10), qrY + qrSide, qrSide + mm(20), 'center', '#111111');
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
