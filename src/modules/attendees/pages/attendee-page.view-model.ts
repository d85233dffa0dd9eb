import { DEFAULT_LANG, fromAcceptLanguage, isLang, type Lang } from '../../../core/web/i18n';
import type { AttendeeKey, AttendeeT } from './attendee-page.messages';
import type { Notice } from './attendee-page.view';

/*
 * The decisions of the visitor's private page, pure: which language, which notice on top.
 */

export const FLASHES = {
  confirmed: 'flashConfirmed', picked: 'flashPicked', unpicked: 'flashUnpicked', bookmarked: 'flashBookmarked', unbookmarked: 'flashUnbookmarked',
} as const satisfies Record<string, AttendeeKey>;
export type Flash = keyof typeof FLASHES;

/** ?lang= first, then the language the visitor registered in, then the browser's. */
export function attendeePageLang(query: unknown, locale: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  if (isLang(locale)) return locale;
  return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANG;
}

/** The notice after an action (?done=): a fixed key, never text from the URL. */
export function flashNotice(done: unknown, t: AttendeeT): Notice | undefined {
  return typeof done === 'string' && Object.hasOwn(FLASHES, done) ? { kind: 'ok', text: t(FLASHES[done as Flash]) } : undefined;
}

/** A refused action shown on top of the page: in the page's words, never the service's English. */
export function refusalNotice(status: number, reason: unknown, t: AttendeeT, retryAfterSeconds: unknown = undefined): Notice {
  const seconds = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : 60;
  const why: AttendeeKey = reason === 'csrf' ? 'formExpired' : status === 404 ? 'refusedNotFound' : status === 409 ? 'refusedConflict' : status === 429 ? 'refusedTooMany' : 'refusedOther';
  return { kind: 'bad', text: `${t('refusedTitle')}: ${t(why, { seconds })}` };
}
