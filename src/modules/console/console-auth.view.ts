import { CONSOLE_HOME, CONSOLE_LOGIN_PAGE, type ConsoleContext } from '../../core/web/console-context';
import { renderConsolePage } from '../../core/web/console-frame';
import { html, type SafeHtml } from '../../core/web/html';
import type { AuthT } from './console-auth.messages';

export interface LoginPageModel {
  csrf: string;
  email: string;
  /** Where the login returns to (already checked: a console path). */
  next: string;
  error?: string;
  flash?: { ok: boolean; text: string };
}

/** The login form's address: the console page to return to rides along in the query. */
export function loginPageHref(next: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (next !== CONSOLE_HOME) params.set('next', next);
  const query = params.toString();
  return `${CONSOLE_LOGIN_PAGE}${query ? `?${query}` : ''}`;
}

/** Optional attributes: the ones with a value, each escaped. */
function attrs(values: Record<string, string | undefined>): SafeHtml {
  return html`${Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => html` ${k}="${v}"`)}`;
}

export function renderLoginPage(ctx: ConsoleContext, t: AuthT, m: LoginPageModel): string {
  const invalid = attrs({ 'aria-invalid': m.error ? 'true' : undefined, 'aria-describedby': m.error ? 'login-error' : undefined });
  const body = html`<h1>${t('loginTitle')}</h1>
${m.flash && html`<div class="notice ${m.flash.ok ? 'ok' : 'bad'}" role="${m.flash.ok ? 'status' : 'alert'}">${m.flash.text}</div>`}
${m.error && html`<div class="notice bad" role="alert" id="login-error">${m.error}</div>`}
<form method="post" action="${CONSOLE_LOGIN_PAGE}" class="login">
<input type="hidden" name="_csrf" value="${m.csrf}">
<input type="hidden" name="next" value="${m.next}">
<div class="field"><label for="f-email">${t('email')}</label>
<input id="f-email" name="email" type="email" autocomplete="username" required maxlength="254" value="${m.email}"${invalid}></div>
<div class="field"><label for="f-password">${t('password')}</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required maxlength="200"${invalid}></div>
<button type="submit">${t('loginButton')}</button>
</form>
<p><a href="/?lang=${ctx.lang}">${t('backToSite')}</a></p>`;
  return renderConsolePage(ctx, { title: t('loginTitle'), section: 'dashboard', body });
}
