import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { editionName } from '../../fairs/domain/edition-name';
import { FairsService } from '../../fairs/fairs.service';
import { AttendeesRepository, type AttendeeFilter, type AttendeeListRow } from '../attendees.repository';
import { PdfFonts } from '../../../core/pdf/pdf-fonts';
import { renderBadgesPdf, undrawable } from './badge-pdf';
import type { BadgeSheet } from './badge-print.view';
import { badgeView, PAPER, type BadgeSize } from './badge.view-model';

/** At most this many badges in one print page or PDF (the filters narrow it: kind, day, search). */
export const MAX_BADGES = 1000;

/** A PDF, or why it cannot be made (a page says so, in the user's language). */
export type BadgePdf =
  | { ok: true; filename: string; bytes: Buffer; pages: number }
  | { ok: false; sheet: BadgeSheet; reason: 'font-missing'; path: string }
  | { ok: false; sheet: BadgeSheet; reason: 'glyphs-missing'; who: Array<{ name: string; badgeCode: string; characters: string[] }> }
  | { ok: false; sheet: BadgeSheet; reason: 'too-many' | 'none' };

const byName = (a: AttendeeListRow, b: AttendeeListRow): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.badgeCode < b.badgeCode ? -1 : 1);

/**
 * Badges to print: one attendee's, or an edition's with the list's filters (sorted by name), as the
 * print page's model and as PDF.
 */
@Injectable()
export class BadgesService {
  constructor(
    private readonly fairs: FairsService,
    private readonly attendees: AttendeesRepository,
    private readonly fonts: PdfFonts,
  ) {}

  async one(code: string, attendeeId: string, size: BadgeSize): Promise<BadgeSheet> {
    const edition = await this.fairs.getEdition(code);
    const a = await this.attendees.attendeeOfEdition(edition.id, attendeeId);
    if (!a) throw new DomainError(ErrorCode.NotFound, `No attendee ${attendeeId} at ${code}.`);
    const e = { code: edition.code, nameKo: editionName(edition, 'ko'), nameEn: editionName(edition, 'en') };
    return { edition: e, scope: { kind: 'one', attendeeId: a.id, name: a.name }, paper: PAPER[size], badges: [badgeView(a, e)], total: 1, max: MAX_BADGES };
  }

  async bulk(code: string, filter: AttendeeFilter, size: BadgeSize): Promise<BadgeSheet> {
    const edition = await this.fairs.getEdition(code);
    const e = { code: edition.code, nameKo: editionName(edition, 'ko'), nameEn: editionName(edition, 'en') };
    const { rows, total } = await this.attendees.searchAttendees(edition.id, filter, MAX_BADGES, 0);
    const badges = total > MAX_BADGES ? [] : [...rows].sort(byName).map((a) => badgeView(a, e));
    return { edition: e, scope: { kind: 'bulk', filter }, paper: PAPER[size], badges, total, max: MAX_BADGES };
  }

  onePdf(code: string, attendeeId: string, size: BadgeSize): Promise<BadgePdf> {
    return this.one(code, attendeeId, size).then((s) => this.pdf(s, `badge-${s.edition.code}-${s.badges[0].badgeCode}.pdf`));
  }

  bulkPdf(code: string, filter: AttendeeFilter, size: BadgeSize): Promise<BadgePdf> {
    const suffix = [filter.kind, filter.day].filter(Boolean).join('-');
    return this.bulk(code, filter, size).then((s) => this.pdf(s, `badges-${s.edition.code}${suffix ? `-${suffix}` : ''}.pdf`));
  }

  private async pdf(sheet: BadgeSheet, filename: string): Promise<BadgePdf> {
    if (sheet.total > sheet.max) return { ok: false, sheet, reason: 'too-many' };
    if (sheet.badges.length === 0) return { ok: false, sheet, reason: 'none' };
    const fonts = this.fonts.load();
    if (!fonts.ok) return { ok: false, sheet, reason: 'font-missing', path: fonts.path };
    const who = undrawable(sheet.badges, fonts.fonts);
    if (who.length > 0) return { ok: false, sheet, reason: 'glyphs-missing', who };
    const title = sheet.scope.kind === 'one' ? `${sheet.scope.name} · ${sheet.edition.nameKo}` : sheet.edition.nameKo;
    const bytes = await renderBadgesPdf(sheet.badges, sheet.paper, fonts.fonts, title);
    return { ok: true, filename, bytes, pages: Math.ceil(sheet.badges.length / (sheet.paper.columns * sheet.paper.rows)) };
  }
}
