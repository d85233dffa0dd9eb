import { html, type SafeHtml } from './html';
import type { Lang } from './i18n';

/** A local calendar date written out, e.g. "Wednesday, 28 April 2027" / "2027년 4월 28일 수요일". */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The console header's "logged in as …" and its logout form (with the session's CSRF token). */
export function loggedInHeader(user: { displayName: string; csrf: string } | undefined, words: { loggedInAs: string; logout: string }): SafeHtml | undefined {
  if (!user) return undefined;
  return html`<span>${words.loggedInAs}</span>
<form class="inline" method="post" action="/console/logout">
<input type="hidden" name="_csrf" value="${user.csrf}">
<button type="submit" class="secondary">${words.logout}</button>
</form>`;
}
