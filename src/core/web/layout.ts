import { html, raw, type SafeHtml } from './html';
import { LANGS, translator, type Catalogue, type Lang } from './i18n';

/**
 * The frame of every console page: language, title, skip link, language switcher and one small
 * stylesheet. The stylesheet is inline (helmet's CSP allows inline styles, not scripts) and is
 * written mobile-first: nothing is wider than 360 px except the grids, which scroll in their own box.
 */
export interface PageFrame {
  lang: Lang;
  title: string;
  /** Where each language's version of this page is, e.g. the current URL with ?lang=. */
  langHref: (lang: Lang) => string;
  /** Extra header content, e.g. who is logged in and a logout form. */
  headerExtra?: SafeHtml;
  body: SafeHtml;
  /** The name in the header and title; default "Fairgate console". */
  appName?: string;
  /** Replaces the console stylesheet (a page with a look of its own). */
  stylesheet?: string;
  /** Added after the stylesheet, in the head: page-specific and print rules. */
  extraStyles?: string;
  /** For pages whose address is a secret (a private link): keep them out of search engines. */
  noindex?: boolean;
  /** The site's or the console's navigation, under the header (see console-frame.ts, site-frame.ts). */
  nav?: SafeHtml;
  /** The footer, the same on every page of a frame. */
  footer?: SafeHtml;
  /** Where the brand in the header links to; none: the brand is plain text. */
  homeHref?: string;
}

const FRAME: Catalogue<'skip' | 'language' | 'appName'> = {
  ko: { skip: '본문으로 건너뛰기', language: '언어', appName: 'Fairgate 콘솔' },
  en: { skip: 'Skip to main content', language: 'Language', appName: 'Fairgate console' },
};

const LANG_NAMES: Record<Lang, string> = { ko: '한국어', en: 'English' };

export function renderPage(frame: PageFrame): string {
  const t = translator(FRAME, frame.lang);
  const appName = frame.appName ?? t('appName');
  const switcher = LANGS.map((l) =>
    l === frame.lang
      ? html`<li><span aria-current="true" lang="${l}">${LANG_NAMES[l]}</span></li>`
      : html`<li><a href="${frame.langHref(l)}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${frame.noindex ? raw('<meta name="robots" content="noindex, nofollow">') : ''}
<title>${frame.title} · ${appName}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${raw(frame.stylesheet ?? STYLES)}${raw(frame.extraStyles ?? '')}</style>
</head>
<body>
<a class="skip" href="#main">${t('skip')}</a>
<header class="top">
${frame.homeHref ? html`<a class="brand" href="${frame.homeHref}">${appName}</a>` : html`<span class="brand">${appName}</span>`}
<nav aria-label="${t('language')}"><ul class="langs">${switcher}</ul></nav>
${frame.headerExtra}
</header>
${frame.nav}
<main id="main" tabindex="-1">
${frame.body}
</main>
${frame.footer}
</body>
</html>
`.value;
}

// A constant, inserted raw: <style> is raw text, where escaped quotes would not be decoded.
const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic",sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b57d0}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid #ddd;background:#f7f7f8}
.brand{font-weight:700;margin-right:auto;color:inherit;text-decoration:none}
nav.sections{border-bottom:1px solid #ddd;background:#fff}
nav.sections ul{display:flex;flex-wrap:wrap;gap:.15rem;list-style:none;margin:0 auto;padding:.25rem .5rem;max-width:80rem}
nav.sections a{display:inline-block;padding:.4rem .6rem;border-radius:6px;text-decoration:none}
nav.sections a[aria-current=page]{background:#0b57d0;color:#fff}
footer.site{border-top:1px solid #ddd;margin-top:2rem;padding:1rem;color:#555;font-size:.9rem}
footer.site p{max-width:80rem;margin:.2rem auto}
.langs{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
.langs span{font-weight:700}
main{padding:1rem;max-width:80rem;margin:0 auto}
main:focus{outline:none}
h1{font-size:1.4rem;margin:.25rem 0 1rem}
:lang(ko) :is(p,li,h1,h2,h3,dd,dt,th,td,label,.notice){word-break:keep-all;overflow-wrap:anywhere}
.grid caption{text-align:left;padding:.25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
form.inline{display:inline}
button,.button{font:inherit;padding:.45rem .9rem;border:1px solid #0b57d0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer;text-decoration:none;display:inline-block;min-height:2.5rem}
button.secondary,.button.secondary{background:#fff;color:#0b57d0}
button.danger{background:#fff;color:#b42318;border-color:#b42318}
label{display:block;font-weight:600;margin-bottom:.2rem}
input,select{font:inherit;padding:.4rem;border:1px solid #888;border-radius:4px;width:100%;max-width:24rem;min-height:2.5rem}
.field{margin-bottom:.9rem}
.field .hint{color:#555;font-size:.9rem}
.field .error,.errors{color:#b42318}
[aria-invalid="true"]{border-color:#b42318;border-width:2px}
.row{display:flex;flex-wrap:wrap;gap:0 1rem}
.row .field{flex:1 1 9rem}
.notice{padding:.6rem .9rem;border-radius:6px;margin:0 0 1rem;border:1px solid}
.notice.ok{background:#ecfdf3;border-color:#12b76a}
.notice.bad{background:#fef3f2;border-color:#b42318}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-bottom:1rem}
.scroll{overflow-x:auto;border:1px solid #ddd;max-width:100%;position:relative}
table.grid{border-collapse:collapse;font-size:.85rem}
.grid th,.grid td{border:1px solid #e3e3e3;padding:.25rem;text-align:left;vertical-align:top}
.grid thead th{background:#f7f7f8;position:sticky;top:0}
.grid th[scope=row]{position:sticky;left:0;background:#fff;min-width:8rem;max-width:11rem;font-weight:600;z-index:1}
.grid td.slot{min-width:3.2rem;height:2.4rem}
.grid td.day{min-width:9rem}
.held{background:repeating-linear-gradient(135deg,#fff4d6 0 6px,#ffe7a3 6px 12px);border:2px dashed #b54708 !important}
.confirmed{background:#d1e9ff;border:2px solid #175cd3 !important}
.badge{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .3rem;border-radius:4px;margin-right:.2rem}
.badge.held{border-width:1px !important;color:#7a2e0e}
.badge.confirmed{border-width:1px !important;color:#102a56}
.cell-label{display:block;font-size:.75rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:6rem}
.legend{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:0 0 .75rem}
.legend .swatch{display:inline-block;width:1.4rem;height:1rem;vertical-align:middle;margin-right:.3rem}
.free-swatch{border:1px solid #e3e3e3}
ul.bookings{list-style:none;padding:0}
ul.bookings li{border:1px solid #ddd;border-radius:6px;padding:.6rem;margin-bottom:.5rem}
ul.bookings li:target{box-shadow:0 0 0 3px #f59e0b}
ul.blocks{list-style:none;margin:0;padding:0}
ul.blocks li{margin:0 0 .2rem;padding:.1rem .25rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.4rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){main{padding:.75rem}h1{font-size:1.2rem}}
`;
