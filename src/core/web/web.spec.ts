import { consoleLoginUrl, safeConsoleNext } from './console-context';
import { parseCookies, secureCookies, serializeCookie } from './cookies';
import { csrfToken, sessionBinding, verifyCsrfToken } from './csrf';
import { html, raw } from './html';
import { fromAcceptLanguage, pickLang, translator } from './i18n';

describe('html', () => {
  it('escapes interpolations, nests templates, and drops nothing-values', () => {
    const name = `<img src=x onerror="alert('1')">&`;
    const out = html`<p title="${name}">${name}${[html`<b>${'a<b'}</b>`, 'c>']}${undefined}${false}${0}</p>`.value;
    expect(out).toBe('<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;<b>a&lt;b</b>c&gt;0</p>');
  });

  it('leaves raw() markup as it is', () => {
    expect(html`<div>${raw('<br>')}</div>`.value).toBe('<div><br></div>');
  });
});

describe('language choice', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language, else Korean', () => {
    expect(pickLang('en', 'ko', 'ko')).toBe('en');
    expect(pickLang('fr', 'en', 'ko')).toBe('en');
    expect(pickLang(['en'], undefined, 'en-GB,ko;q=0.5')).toBe('en');
    expect(pickLang(undefined, 'xx', undefined)).toBe('ko');
  });

  it('reads Accept-Language by quality, skipping unsupported and refused languages', () => {
    expect(fromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, ko;q=0.9')).toBe('ko');
    expect(fromAcceptLanguage('ko;q=0, en-US')).toBe('en');
    expect(fromAcceptLanguage('de')).toBeUndefined();
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator({ ko: { hi: '{name} 님, {missing}' }, en: { hi: 'Hi {name}, {missing}' } }, 'en');
    expect(t('hi', { name: 'Kim' })).toBe('Hi Kim, {missing}');
  });
});

describe('cookies', () => {
  it('serializes HttpOnly, SameSite=Lax cookies scoped to /console, Secure on request', () => {
    expect(serializeCookie('a', 'b c', { secure: false })).toBe('a=b%20c; Path=/console; HttpOnly; SameSite=Lax');
    expect(serializeCookie('a', '', { secure: true, maxAgeSeconds: 0 })).toMatch(/^a=; Path=\/console; HttpOnly; SameSite=Lax; Max-Age=0; Expires=.+; Secure$/);
    expect(secureCookies('https://fairgate.example')).toBe(true);
    expect(secureCookies('http://localhost:3000')).toBe(false);
  });

  it('parses a Cookie header, ignoring malformed values and keeping the first of duplicates', () => {
    const c = parseCookies('a=1; b=%E2%9C%93; bad=%E0%A4%A; a=2; flag; q="x"');
    expect([...c]).toEqual([['a', '1'], ['b', '✓'], ['q', 'x']]);
  });
});

describe('CSRF tokens', () => {
  it('accept the token of the same binding and secret only', () => {
    const token = csrfToken('s'.repeat(32), sessionBinding('one'));
    expect(verifyCsrfToken('s'.repeat(32), sessionBinding('one'), token)).toBe(true);
    expect(verifyCsrfToken('s'.repeat(32), sessionBinding('two'), token)).toBe(false);
    expect(verifyCsrfToken('t'.repeat(32), sessionBinding('one'), token)).toBe(false);
    expect(verifyCsrfToken('s'.repeat(32), sessionBinding('one'), undefined)).toBe(false);
    expect(verifyCsrfToken('s'.repeat(32), sessionBinding('one'), [token])).toBe(false);
  });
});

describe('where a console login may return to', () => {
  it('keeps console paths and refuses every other place', () => {
    expect(safeConsoleNext('/console/applications?edition=ppuri-2027&status=submitted')).toBe('/console/applications?edition=ppuri-2027&status=submitted');
    expect(safeConsoleNext('/console')).toBe('/console');
    for (const bad of ['https://evil.example', '//evil', '/\\evil', '/console\\..\\x', '/console/../exhibitor', '/console/%2E%2E/x', '/consolex', '/exhibitor', '', undefined, 42, '/console/\r\nSet-Cookie: x']) {
      expect(safeConsoleNext(bad)).toBe('/console');
    }
    expect(consoleLoginUrl('/console/venue?view=week')).toBe('/console/login?next=%2Fconsole%2Fvenue%3Fview%3Dweek');
    expect(consoleLoginUrl('/console')).toBe('/console/login');
    expect(consoleLoginUrl('/console/login?next=/console/x')).toBe('/console/login');
  });
});
