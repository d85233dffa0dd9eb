import { html, type SafeHtml } from './html';
import { translator, type Catalogue, type Lang } from './i18n';
import { renderPage } from './layout';

/**
 * The public site's frame: the front door, the fairs, visitor and buyer registration, private
 * pages. The same header (home, the fairs, exhibitors' login) and footer (the venue) everywhere.
 */
type SiteWord = 'appName' | 'sections' | 'fairs' | 'exhibitors' | 'organizers' | 'venueName' | 'venueAddress';

const WORDS: Catalogue<SiteWord> = {
  ko: {
    appName: 'Fairgate · 김대중컨벤션센터', sections: '사이트 메뉴', fairs: '박람회', exhibitors: '참가기업', organizers: '주최자',
    venueName: '김대중컨벤션센터', venueAddress: '광주광역시 서구 상무누리로 30',
  },
  en: {
    appName: 'Fairgate · Kim Dae-jung Convention Center', sections: 'Site menu', fairs: 'Fairs', exhibitors: 'Exhibitors', organizers: 'Organizers',
    venueName: 'Kim Dae-jung Convention Center', venueAddress: '30 Sangmunuri-ro, Seo-gu, Gwangju, Korea',
  },
};

export interface SitePage {
  lang: Lang;
  langHref: (lang: Lang) => string;
  title: string;
  body: SafeHtml;
  extraStyles?: string;
  /** A private page (its address is a secret link): kept out of search engines. */
  noindex?: boolean;
  /** Extra header content (e.g. who is logged in on an exhibitor page). */
  headerExtra?: SafeHtml;
}

export function renderSitePage(page: SitePage): string {
  const t = translator(WORDS, page.lang);
  const q = `?lang=${page.lang}`;
  const nav = html`<nav class="sections" aria-label="${t('sections')}"><ul>
<li><a href="/${q}">${t('fairs')}</a></li>
<li><a href="/exhibitor${q}">${t('exhibitors')}</a></li>
<li><a href="/console${q}">${t('organizers')}</a></li>
</ul></nav>`;
  const footer = html`<footer class="site"><p>${t('venueName')} · ${t('venueAddress')}</p><p>Fairgate</p></footer>`;
  return renderPage({
    lang: page.lang,
    title: page.title,
    langHref: page.langHref,
    appName: t('appName'),
    homeHref: `/${q}`,
    nav,
    footer,
    body: page.body,
    extraStyles: page.extraStyles,
    noindex: page.noindex,
    headerExtra: page.headerExtra,
  });
}

/** The favicon: an SVG "F" in the console's blue. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57d0"/><path d="M10 7h13v4h-8.5v4H21v4h-6.5v6H10z" fill="#fff"/></svg>`;

