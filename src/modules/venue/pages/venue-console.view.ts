import { displayClock, displayDate } from '../../../core/time/display';
import { CONSOLE_BASE, type ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { MAX_SETUP_MINUTES } from '../domain/booking-rules';
import type { BookingResponse, DayCellResponse, DayViewResponse, SpaceResponse } from '../dto/venue.response';
import { FLASHES, isFlashName, type ConsoleT } from './messages';
import type { ConsoleView, HoldField, HoldValues } from './venue-console.forms';

/*
 * Pure rendering of the venue console: data in, HTML out, everything escaped by the html template.
 * Holds and confirmed bookings differ in colour, border (dashed vs solid) AND words (a badge and
 * the accessible name), so neither colour vision nor sight is needed to tell them apart.
 */

export const VENUE_PAGE = `${CONSOLE_BASE}/venue`;

/** What every page of a request shares: the console context and the venue console's messages. */
export interface PageContext extends ConsoleContext {
  t: ConsoleT;
}

export interface HoldFormState {
  values: HoldValues;
  errors: Partial<Record<HoldField, string>>;
  /** The booking the hold collided with ('unknown' when it was gone by the time we looked). */
  conflict?: BookingResponse | 'unknown';
  /** Any other message about the whole form. */
  message?: string;
}

export interface VenuePageModel {
  venue: { nameKo: string; nameEn: string };
  zone: string;
  opensAt: string;
  closesAt: string;
  view: ConsoleView;
  /** The date asked for; the week view shows the Monday-to-Sunday week around it. */
  date: string;
  today: string;
  spaces: SpaceResponse[];
  /** One day for the day view, seven for the week view. */
  days: DayViewResponse[];
  /** Active (held or confirmed) bookings overlapping the days shown. */
  bookings: BookingResponse[];
  flash?: { ok: boolean; text: string };
  form: HoldFormState;
}

/** The page model from what the service gathered and the flash named in the address (only known names: a link cannot inject text). */
export function venuePageModel(data: Omit<VenuePageModel, 'flash'>, flash: string | undefined, t: ConsoleT): VenuePageModel {
  return { ...data, flash: isFlashName(flash) ? { ok: FLASHES[flash].ok, text: t(FLASHES[flash].key) } : undefined };
}

export function venueUrl(q: { date?: string; view?: ConsoleView; flash?: string; lang?: Lang }, hash?: string): string {
  const params = new URLSearchParams();
  if (q.date) params.set('date', q.date);
  if (q.view && q.view !== 'day') params.set('view', q.view);
  if (q.flash) params.set('flash', q.flash);
  if (q.lang) params.set('lang', q.lang);
  const query = params.toString();
  return `${VENUE_PAGE}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** The Monday of the week `date` falls in. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Consecutive hours of one booking (or of nothing) merged, for colspans and week summaries. */
export interface Block {
  state: DayCellResponse['state'];
  bookingId?: string;
  purpose?: string;
  fromHour: number;
  /** Exclusive. */
  untilHour: number;
}

export function mergeCells(cells: DayCellResponse[]): Block[] {
  const blocks: Block[] = [];
  for (const c of cells) {
    const last = blocks.at(-1);
    if (last && c.state !== 'free' && last.state === c.state && last.bookingId === c.bookingId && last.untilHour === c.hour) {
      last.untilHour = c.hour + 1;
    } else {
      blocks.push({ state: c.state, bookingId: c.bookingId, purpose: c.purpose, fromHour: c.hour, untilHour: c.hour + 1 });
    }
  }
  return blocks;
}

const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
const spaceName = (s: { nameKo: string; nameEn: string }, lang: Lang): string => (lang === 'ko' ? s.nameKo : s.nameEn);

/** What a booking is for, as the page names it: the holder (an edition's hall, a session, an export-meeting area) in the page's language, else its purpose. */
export function bookingTitle(b: Pick<BookingResponse, 'purpose' | 'holder'>, lang: Lang): string {
  if (!b.holder) return b.purpose;
  return lang === 'ko' ? b.holder.labelKo : b.holder.labelEn;
}

/** The title of the booking a grid block shows. */
function blockTitle(m: VenuePageModel, block: Block, lang: Lang): string {
  const booking = m.bookings.find((b) => b.id === block.bookingId);
  return booking ? bookingTitle(booking, lang) : (block.purpose ?? '');
}

/** A local ISO time (2027-04-28T14:00:00+09:00) as people read it (오후 2:00 / 2:00 PM), with its date when it is not on `day`. */
export function localTime(iso: string, day: string, lang: Lang): string {
  const clock = displayClock(Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)), lang);
  return iso.slice(0, 10) === day ? clock : `${displayDate(iso.slice(0, 10), lang, { year: false })} ${clock}`;
}

/** A date in full: 2027년 4월 28일 (수) / Wed 28 Apr 2027. */
const longDate = (date: string, lang: Lang): string => displayDate(date, lang);
/** The venue's time zone as a person says it (한국 표준시 / Korea time), the IANA name otherwise. */
export const zoneName = (zone: string, lang: Lang): string => (zone === 'Asia/Seoul' ? (lang === 'ko' ? '한국 표준시' : 'Korea time') : zone);
const dayHeading = (date: string, lang: Lang): string => displayDate(date, lang, { year: false });

function notice(flash: { ok: boolean; text: string } | undefined): SafeHtml | undefined {
  if (!flash) return undefined;
  return html`<div class="notice ${flash.ok ? 'ok' : 'bad'}" role="${flash.ok ? 'status' : 'alert'}">${flash.text}</div>`;
}

/** Optional attributes: the ones with a value, each escaped. */
function attrs(values: Record<string, string | undefined>): SafeHtml {
  return html`${Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => html` ${k}="${v}"`)}`;
}

// ---------------------------------------------------------------- the venue page

export function renderVenuePage(ctx: PageContext, m: VenuePageModel): string {
  const { t, lang } = ctx;
  const title = t('venueTitle', { venue: spaceName(m.venue, lang) });
  const formMessage = holdFormMessage(ctx, m);
  const formHasErrors = Object.keys(m.form.errors).length > 0 || formMessage !== undefined;
  const body = html`<h1>${title}</h1>
${notice(m.flash)}
${formHasErrors && html`<div class="notice bad" role="alert">${formMessage ?? t('formErrors')} <a href="#hold">${t('holdTitle')}</a></div>`}
${toolbar(ctx, m)}
${legend(t)}
${m.view === 'day' ? dayGrid(ctx, m) : weekGrid(ctx, m)}
${m.view === 'day' && bookingList(ctx, m)}
${holdForm(ctx, m)}`;
  return renderConsolePage(ctx, { title, section: 'venue', body });
}

function toolbar(ctx: PageContext, m: VenuePageModel): SafeHtml {
  const { t } = ctx;
  const step = m.view === 'day' ? 1 : 7;
  const viewLink = (v: ConsoleView, label: string): SafeHtml =>
    v === m.view
      ? html`<span class="button" aria-current="page">${label}</span>`
      : html`<a class="button secondary" href="${venueUrl({ date: m.date, view: v })}">${label}</a>`;
  return html`<nav class="toolbar" aria-label="${t('viewLabel')}">
${viewLink('day', t('dayView'))} ${viewLink('week', t('weekView'))}
<a class="button secondary" href="${venueUrl({ date: addDays(m.date, -step), view: m.view })}">${m.view === 'day' ? t('prevDay') : t('prevWeek')}</a>
<a class="button secondary" href="${venueUrl({ date: m.today, view: m.view })}">${t('today')}</a>
<a class="button secondary" href="${venueUrl({ date: addDays(m.date, step), view: m.view })}">${m.view === 'day' ? t('nextDay') : t('nextWeek')}</a>
</nav>
<form class="toolbar" method="get" action="${VENUE_PAGE}">
<label for="q-date" class="sr-only">${t('dateLabel')}</label>
<input id="q-date" type="date" name="date" value="${m.date}" required>
<input type="hidden" name="view" value="${m.view}">
<button type="submit" class="secondary">${t('show')}</button>
</form>`;
}

function legend(t: ConsoleT): SafeHtml {
  return html`<ul class="legend" aria-label="${t('legend')}">
<li><span class="swatch free-swatch" aria-hidden="true"></span>${t('free')}</li>
<li><span class="swatch held" aria-hidden="true"></span><span class="badge held">${t('held')}</span></li>
<li><span class="swatch confirmed" aria-hidden="true"></span><span class="badge confirmed">${t('confirmed')}</span></li>
</ul>`;
}

/** The accessible name of a booking in the grid, e.g. "10:00–12:00 Meeting Room 301: held — Seminar". */
function blockLabel(ctx: PageContext, m: VenuePageModel, row: SpaceResponse, block: Block, day: string): string {
  const { t, lang } = ctx;
  const booking = m.bookings.find((b) => b.id === block.bookingId);
  const time = booking ? `${localTime(booking.startsAt, day, lang)}–${localTime(booking.endsAt, day, lang)}` : `${hh(block.fromHour)}–${hh(block.untilHour)}`;
  const status = block.state === 'confirmed' ? t('confirmed') : t('held');
  const label = t('cellLabel', { time, space: spaceName(row, lang), status, purpose: blockTitle(m, block, lang) });
  const whole = booking && booking.space !== row.code ? m.spaces.find((s) => s.code === booking.space) : undefined;
  return whole ? `${label} ${t('cellVia', { whole: spaceName(whole, lang) })}` : label;
}

function badge(t: ConsoleT, state: 'held' | 'confirmed'): SafeHtml {
  return html`<span class="badge ${state}">${t(state)}</span>`;
}

function dayGrid(ctx: PageContext, m: VenuePageModel): SafeHtml {
  const { t, lang } = ctx;
  const day = m.days[0];
  const byCode = new Map(m.spaces.map((s) => [s.code, s]));
  const rows = day.spaces.map((r) => {
    const space = byCode.get(r.space) ?? { ...r, code: r.space };
    const cells = mergeCells(r.cells).map((b) => {
      if (b.state === 'free') return html`<td class="slot"><span class="sr-only">${hh(b.fromHour)} ${t('free')}</span></td>`;
      const label = blockLabel(ctx, m, space as SpaceResponse, b, day.date);
      return html`<td class="slot ${b.state}" colspan="${b.untilHour - b.fromHour}"><a href="#booking-${b.bookingId}" aria-label="${label}" title="${label}">${badge(t, b.state)}<span class="cell-label">${blockTitle(m, b, lang)}</span></a></td>`;
    });
    return html`<tr><th scope="row">${spaceName(r, lang)}</th>${cells}</tr>`;
  });
  return html`<div class="scroll" role="region" aria-labelledby="grid-caption" tabindex="0">
<table class="grid">
<caption id="grid-caption">${t('gridCaptionDay', { date: longDate(day.date, lang), zone: zoneName(day.timezone, lang) })}</caption>
<thead><tr><th scope="col">${t('spaceColumn')}</th>${day.hours.map((h) => html`<th scope="col">${hh(h)}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;
}

function weekGrid(ctx: PageContext, m: VenuePageModel): SafeHtml {
  const { t, lang } = ctx;
  const byCode = new Map(m.spaces.map((s) => [s.code, s]));
  const first = m.days[0];
  const last = m.days[m.days.length - 1];
  const rows = first.spaces.map((r, index) => {
    const space = (byCode.get(r.space) ?? { ...r, code: r.space }) as SpaceResponse;
    const cells = m.days.map((d) => {
      const blocks = mergeCells(d.spaces[index].cells).filter((b) => b.state !== 'free');
      if (blocks.length === 0) return html`<td class="day"><span class="sr-only">${t('noneThisDay')}</span></td>`;
      const items = blocks.map((b) => {
        const state = b.state === 'confirmed' ? 'confirmed' : 'held';
        const label = blockLabel(ctx, m, space, b, d.date);
        const booking = m.bookings.find((x) => x.id === b.bookingId);
        const time = booking ? `${localTime(booking.startsAt, d.date, lang)}–${localTime(booking.endsAt, d.date, lang)}` : `${hh(b.fromHour)}–${hh(b.untilHour)}`;
        return html`<li class="${state}"><a href="${venueUrl({ date: d.date }, `booking-${b.bookingId}`)}" aria-label="${label}">${badge(t, state)} ${time} ${blockTitle(m, b, lang)}</a></li>`;
      });
      return html`<td class="day"><ul class="blocks">${items}</ul></td>`;
    });
    return html`<tr><th scope="row">${spaceName(r, lang)}</th>${cells}</tr>`;
  });
  return html`<div class="scroll" role="region" aria-labelledby="grid-caption" tabindex="0">
<table class="grid">
<caption id="grid-caption">${t('gridCaptionWeek', { from: longDate(first.date, lang), until: longDate(last.date, lang), zone: zoneName(first.timezone, lang) })}</caption>
<thead><tr><th scope="col">${t('spaceColumn')}</th>${m.days.map((d) => html`<th scope="col"><a href="${venueUrl({ date: d.date })}">${dayHeading(d.date, lang)}</a></th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;
}

function bookingList(ctx: PageContext, m: VenuePageModel): SafeHtml {
  const { t, lang, user } = ctx;
  const items = m.bookings.map((b) => {
    const space = m.spaces.find((s) => s.code === b.space);
    const name = space ? spaceName(space, lang) : b.space;
    const state = b.status === 'confirmed' ? 'confirmed' : 'held';
    const title = bookingTitle(b, lang);
    const when = `${localTime(b.startsAt, m.date, lang)}–${localTime(b.endsAt, m.date, lang)}`;
    const hidden = html`<input type="hidden" name="_csrf" value="${user?.csrf}">
<input type="hidden" name="returnDate" value="${m.date}"><input type="hidden" name="returnView" value="${m.view}">`;
    return html`<li id="booking-${b.id}" tabindex="-1">
${badge(t, state)} <strong>${title}</strong> — ${name}
<div>${t('bookingTimes', {
      start: localTime(b.startsAt, m.date, lang), end: localTime(b.endsAt, m.date, lang),
      from: localTime(b.occupiedFrom, m.date, lang), until: localTime(b.occupiedUntil, m.date, lang),
      setup: b.setupMinutes, teardown: b.teardownMinutes,
    })}</div>
${b.holdExpiresAt && html`<div>${t('holdExpires', { time: localTime(b.holdExpiresAt, m.date, lang) })}</div>`}
<div class="actions">
${state === 'held' && html`<form class="inline" method="post" action="${VENUE_PAGE}/bookings/${b.id}/confirm">${hidden}
<button type="submit" aria-label="${t('confirmAria', { purpose: title, space: name, time: when })}">${t('confirmAction')}</button></form>`}
${b.holder ? html`<span class="hint">${t('heldByHolder')}</span>` : html`<form class="inline" method="post" action="${VENUE_PAGE}/bookings/${b.id}/cancel">${hidden}
<button type="submit" class="danger" aria-label="${t('cancelAria', { purpose: title, space: name, time: when })}">${t('cancelAction')}</button></form>`}
</div>
</li>`;
  });
  return html`<section aria-labelledby="list-title">
<h2 id="list-title">${t('bookingsOfDay', { date: longDate(m.date, lang) })}</h2>
${items.length > 0 ? html`<ul class="bookings">${items}</ul>` : html`<p>${t('noBookings')}</p>`}
</section>`;
}

/** The hold collided with another booking: say which one, when, and what for. */
function holdFormMessage(ctx: PageContext, m: VenuePageModel): string | undefined {
  const { t, lang } = ctx;
  const { conflict, values } = m.form;
  if (conflict === 'unknown') return t('conflictUnknown');
  if (!conflict) return m.form.message;
  const space = m.spaces.find((s) => s.code === conflict.space);
  return t('conflict', {
    space: space ? spaceName(space, lang) : conflict.space,
    status: conflict.status === 'confirmed' ? t('confirmed') : t('held'),
    from: localTime(conflict.occupiedFrom, values.date, lang),
    until: localTime(conflict.occupiedUntil, values.date, lang),
    purpose: bookingTitle(conflict, lang),
    id: conflict.id,
  });
}

function holdForm(ctx: PageContext, m: VenuePageModel): SafeHtml {
  const { t, lang, user } = ctx;
  const { values, errors } = m.form;
  const field = (name: HoldField, label: string, input: (a: SafeHtml) => SafeHtml, hint?: string): SafeHtml => {
    const id = `f-${name}`;
    const describedBy = [hint ? `${id}-hint` : undefined, errors[name] ? `${id}-error` : undefined].filter(Boolean).join(' ');
    const a = attrs({ id, name, 'aria-invalid': errors[name] ? 'true' : undefined, 'aria-describedby': describedBy || undefined });
    return html`<div class="field"><label for="${id}">${label}</label>
${input(a)}
${hint && html`<div class="hint" id="${id}-hint">${hint}</div>`}
${errors[name] && html`<p class="error" id="${id}-error">${errors[name]}</p>`}</div>`;
  };
  const options = m.spaces.map(
    (s) => html`<option value="${s.code}"${s.code === values.space ? html` selected` : ''}>${spaceName(s, lang)}</option>`,
  );
  const hoursHint = t('hoursHint', { opens: m.opensAt, closes: m.closesAt, zone: zoneName(m.zone, lang) });
  return html`<section aria-labelledby="hold-title" id="hold">
<h2 id="hold-title">${t('holdTitle')}</h2>
<p>${t('holdIntro')}</p>
${holdFormMessage(ctx, m) && html`<p class="errors" id="hold-message">${holdFormMessage(ctx, m)}</p>`}
<form method="post" action="${VENUE_PAGE}/bookings">
<input type="hidden" name="_csrf" value="${user?.csrf}">
<input type="hidden" name="returnDate" value="${m.date}"><input type="hidden" name="returnView" value="${m.view}">
${field('space', t('space'), (a) => html`<select${a} required><option value="">—</option>${options}</select>`)}
${field('date', t('date'), (a) => html`<input${a} type="date" required value="${values.date}">`)}
<div class="row">
${field('start', t('start'), (a) => html`<input${a} type="time" required step="900" min="${m.opensAt}" max="${m.closesAt}" value="${values.start}">`, hoursHint)}
${field('end', t('end'), (a) => html`<input${a} type="time" required step="900" min="${m.opensAt}" max="${m.closesAt}" value="${values.end}">`)}
</div>
<div class="row">
${field('setupMinutes', t('setupMinutes'), (a) => html`<input${a} type="number" inputmode="numeric" min="0" max="${MAX_SETUP_MINUTES}" step="1" value="${values.setupMinutes}">`, t('minutesHint'))}
${field('teardownMinutes', t('teardownMinutes'), (a) => html`<input${a} type="number" inputmode="numeric" min="0" max="${MAX_SETUP_MINUTES}" step="1" value="${values.teardownMinutes}">`)}
</div>
${field('purpose', t('purpose'), (a) => html`<input${a} type="text" required maxlength="200" value="${values.purpose}">`)}
<button type="submit">${t('holdButton')}</button>
</form>
</section>`;
}
