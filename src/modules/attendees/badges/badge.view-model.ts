import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import type { Lang } from '../../../core/web/i18n';
import { countryName } from '../../meetings/domain/world-names';
import type { AttendeeKind } from '../entities/attendee.entity';

/*
 * Badges, pure: what one badge shows (the same model draws the print page and the PDF), the paper
 * sizes, how badges fall onto sheets, and the QR code's modules. No Nest, no database, no fonts.
 */

/** Paper choices: one A6 badge per page (default), a badge printer's 4×3 in label, or A4 with four A6 badges. */
export const BADGE_SIZES = ['a6', '4x3', 'a4'] as const;
export type BadgeSize = (typeof BADGE_SIZES)[number];

export interface PaperSpec {
  size: BadgeSize;
  /** The sheet (the CSS @page and the PDF page), millimetres. */
  pageWidthMm: number;
  pageHeightMm: number;
  /** One badge, millimetres. */
  badgeWidthMm: number;
  badgeHeightMm: number;
  columns: number;
  rows: number;
  /** Portrait badges stack QR under the text; the 4×3 label puts it beside. */
  orientation: 'portrait' | 'landscape';
}

export const PAPER: Record<BadgeSize, PaperSpec> = {
  a6: { size: 'a6', pageWidthMm: 105, pageHeightMm: 148, badgeWidthMm: 105, badgeHeightMm: 148, columns: 1, rows: 1, orientation: 'portrait' },
  '4x3': { size: '4x3', pageWidthMm: 102, pageHeightMm: 76, badgeWidthMm: 102, badgeHeightMm: 76, columns: 1, rows: 1, orientation: 'landscape' },
  a4: { size: 'a4', pageWidthMm: 210, pageHeightMm: 297, badgeWidthMm: 105, badgeHeightMm: 148.5, columns: 2, rows: 2, orientation: 'portrait' },
};

/** A badge's parts, the same on the print page and in the PDF (millimetres and points). */
export interface BadgeGeometry {
  bandMm: number;
  bandPt: number;
  qrMm: number;
  /** Width the name may take, and its largest size. */
  textWidthMm: number;
  nameMaxPt: number;
}

export function badgeGeometry(paper: PaperSpec): BadgeGeometry {
  return paper.orientation === 'landscape'
    ? { bandMm: 11, bandPt: 12, qrMm: 36, textWidthMm: paper.badgeWidthMm - 46, nameMaxPt: 26 }
    : { bandMm: 16, bandPt: 15, qrMm: 44, textWidthMm: paper.badgeWidthMm - 12, nameMaxPt: 40 };
}

export const perPage = (paper: PaperSpec): number => paper.columns * paper.rows;

/** ?size= read leniently: anything unknown is the default A6. */
export function badgeSizeOf(value: unknown): BadgeSize {
  return typeof value === 'string' && (BADGE_SIZES as readonly string[]).includes(value) ? (value as BadgeSize) : 'a6';
}

/** The kind as a colour band: distinct hues (blue, green, red-orange), white text, and the word in Korean and English. */
export const KIND_BANDS: Record<AttendeeKind, { background: string; text: string; ko: string; en: string }> = {
  trade_visitor: { background: '#1d4ed8', text: '#ffffff', ko: '전문 참관객', en: 'TRADE VISITOR' },
  buyer: { background: '#047857', text: '#ffffff', ko: '바이어', en: 'BUYER' },
  press: { background: '#c2410c', text: '#ffffff', ko: '언론', en: 'PRESS' },
};

/** The quiet zone around the QR code, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major, true = dark. */
  dark: boolean[];
}

/** The QR code of a badge: exactly the badge code, error correction M. */
export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const dark: boolean[] = [];
  for (let i = 0; i < size * size; i++) dark.push(qr.modules.data[i] !== 0);
  return { size, dark };
}

/** Dark modules as horizontal runs [x, y, length] in module units, quiet zone included in the offsets. */
export function qrRuns(m: QrMatrix): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  for (let y = 0; y < m.size; y++) {
    let x = 0;
    while (x < m.size) {
      if (!m.dark[y * m.size + x]) { x++; continue; }
      const start = x;
      while (x < m.size && m.dark[y * m.size + x]) x++;
      runs.push([start + QR_QUIET_ZONE, y + QR_QUIET_ZONE, x - start]);
    }
  }
  return runs;
}

/**
 * The QR code as a PNG (black and white, one bit a pixel, the quiet zone included), about `widthPx`
 * wide in whole pixels per module — for emails, whose clients do not all show SVG. Synchronous and
 * cheap (~0.1 ms): the mail worker draws it when it composes the email; qrcode's own PNG (RGBA,
 * width-scaled) cost the API 4.4 ms of CPU per visitor registration (docs/benchmarks.md, Session 11).
 */
export function qrPng(m: QrMatrix, widthPx: number): Buffer {
  const side = m.size + 2 * QR_QUIET_ZONE;
  const scale = Math.max(1, Math.floor(widthPx / side));
  const width = side * scale;
  const rowBytes = Math.ceil(width / 8);
  // Each scanline: filter type 0, then the pixels, most significant bit first; 1 is white.
  const raw = Buffer.alloc((rowBytes + 1) * width, 0xff);
  for (let y = 0; y < width; y++) {
    const row = y * (rowBytes + 1);
    raw[row] = 0;
    const my = Math.floor(y / scale) - QR_QUIET_ZONE;
    if (my < 0 || my >= m.size) continue;
    for (let x = 0; x < width; x++) {
      const mx = Math.floor(x / scale) - QR_QUIET_ZONE;
      if (mx >= 0 && mx < m.size && m.dark[my * m.size + mx]) raw[row + 1 + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Length, type, data, CRC-32 of type and data (PNG, section 5.3). */
function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** The QR code as SVG: a white square with the quiet zone, dark runs as one path, crisp edges. */
export function qrSvg(m: QrMatrix, label: string): string {
  const side = m.size + 2 * QR_QUIET_ZONE;
  const d = qrRuns(m).map(([x, y, w]) => `M${x} ${y}h${w}v1h-${w}z`).join('');
  const esc = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="${esc}">`
    + `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

export const hasHangul = (s: string): boolean => HANGUL.test(s);

/** Width of a text in ems, roughly: Hangul and CJK one em, everything else 0.6. */
export function emWidth(s: string): number {
  let w = 0;
  for (const c of s) w += WIDE.test(c) ? 1 : c === ' ' ? 0.3 : 0.6;
  return w;
}

/**
 * The name's size in points: as large as the badge allows (28 pt on A6), smaller for long names so
 * that they fit on at most two lines of the available width; never below 14 pt.
 */
export function nameFontPt(name: string, widthMm: number, maxPt: number): number {
  const widthPt = (widthMm * 72) / 25.4;
  const em = emWidth(name);
  const oneLine = widthPt / Math.max(em, 1);
  if (oneLine >= maxPt) return maxPt;
  // Two lines: half the width each, with some slack for where the line breaks.
  const twoLines = (2 * widthPt) / (em * 1.15);
  return Math.max(14, Math.min(maxPt, Math.floor(twoLines)));
}

/** What one attendee's badge shows. */
export interface BadgeView {
  attendeeId: string;
  /** The attendee's language: the edition's and the country's names are in it. */
  lang: Lang;
  name: string;
  /** Korean names are set with the Korean font stack and `lang="ko"`. */
  nameLang: Lang;
  /** A Latin transliteration, only when the registration gave one (it does not today: never invented). */
  latinName: string | null;
  company: string | null;
  country: string;
  kind: AttendeeKind;
  band: (typeof KIND_BANDS)[AttendeeKind];
  editionName: string;
  badgeCode: string;
  qr: QrMatrix;
}

export interface BadgeAttendee {
  id: string;
  name: string;
  company: string | null;
  country: string;
  kind: string;
  locale: string;
  badgeCode: string;
}

export interface BadgeEdition {
  nameKo: string;
  nameEn: string;
  code: string;
}

/** One badge: the texts in the attendee's language (the edition's and the country's names), the kind in both. */
export function badgeView(a: BadgeAttendee, edition: BadgeEdition): BadgeView {
  const lang: Lang = a.locale === 'en' ? 'en' : 'ko';
  const kind = (a.kind in KIND_BANDS ? a.kind : 'trade_visitor') as AttendeeKind;
  return {
    attendeeId: a.id,
    lang,
    name: a.name,
    nameLang: hasHangul(a.name) ? 'ko' : 'en',
    latinName: null,
    company: a.company,
    country: countryName(a.country, lang),
    kind,
    band: KIND_BANDS[kind],
    editionName: (lang === 'ko' ? edition.nameKo : edition.nameEn) || edition.code,
    badgeCode: a.badgeCode,
    qr: qrMatrix(a.badgeCode),
  };
}

/** Badges onto sheets: `perPage` at a time, in order; an empty list gives no sheet. */
export function sheetsOf<T>(badges: T[], paper: PaperSpec): T[][] {
  const n = perPage(paper);
  const sheets: T[][] = [];
  for (let i = 0; i < badges.length; i += n) sheets.push(badges.slice(i, i + n));
  return sheets;
}

/** Where a badge sits on its sheet (millimetres from the top left). */
export function slotOf(index: number, paper: PaperSpec): { xMm: number; yMm: number } {
  const i = index % perPage(paper);
  return { xMm: (i % paper.columns) * paper.badgeWidthMm, yMm: Math.floor(i / paper.columns) * paper.badgeHeightMm };
}

// The font runs are shared with the invoices' PDF: core/pdf/font-runs.ts.
export { fontRuns, missingCharacters } from '../../../core/pdf/font-runs';
