import { readFileSync } from 'node:fs';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import * as fontkit from 'fontkit';
import { AppConfig } from '../config/app-config';

/** One font file for a PDF: its bytes (pdfkit embeds a subset) and which characters it draws. */
export interface PdfFont {
  path: string;
  bytes: Buffer;
  has: (codePoint: number) => boolean;
}

export interface PdfFontSet {
  regular: PdfFont;
  bold: PdfFont;
  /** For Latin letters the Korean font lacks (Ö, ễ …); absent when not configured. */
  fallbackRegular: PdfFont | null;
  fallbackBold: PdfFont | null;
}

export type PdfFontsState = { ok: true; fonts: PdfFontSet } | { ok: false; path: string; reason: string };

/** A font file read and checked: TrueType/OpenType with Hangul when `needsHangul`. */
export function loadPdfFont(path: string, needsHangul: boolean): PdfFont {
  const bytes = readFileSync(path);
  const font = fontkit.create(bytes);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection (.ttc); give a single .ttf/.otf font`);
  if (needsHangul && !font.hasGlyphForCodePoint(0xac00)) throw new Error(`${path} has no Hangul (가)`);
  return { path, bytes, has: (cp) => font.hasGlyphForCodePoint(cp) };
}

/**
 * The fonts of the PDFs the app draws, read once at start. A missing or unusable Korean font is logged as an
 * error at start and every PDF request answers a page that names the file; the rest of the app
 * (and the HTML print page, drawn by the browser's fonts) keeps working. Never tofu boxes.
 */
@Injectable()
export class PdfFonts implements OnModuleInit {
  private readonly logger = new Logger('pdf');
  private state: PdfFontsState | undefined;

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    const s = this.load();
    if (!s.ok) this.logger.error(`PDFs are unavailable: ${s.reason} (install fonts-nanum or set BADGE_FONT_PATH / BADGE_FONT_BOLD_PATH)`);
  }

  load(): PdfFontsState {
    if (this.state) return this.state;
    const paths = this.config.badgeFonts;
    let current = paths.regular;
    try {
      const regular = loadPdfFont(paths.regular, true);
      current = paths.bold;
      const bold = loadPdfFont(paths.bold, true);
      const fallback = (path: string): PdfFont | null => {
        if (!path) return null;
        try {
          return loadPdfFont(path, false);
        } catch (e) {
          this.logger.warn(`PDF fallback font unusable, Latin letters the Korean font lacks will be refused: ${(e as Error).message}`);
          return null;
        }
      };
      this.state = { ok: true, fonts: { regular, bold, fallbackRegular: fallback(paths.fallbackRegular), fallbackBold: fallback(paths.fallbackBold) } };
    } catch (e) {
      this.state = { ok: false, path: current, reason: (e as Error).message };
    }
    return this.state;
  }
}
