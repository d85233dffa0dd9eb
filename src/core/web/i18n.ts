/**
 * A tiny message catalogue for server-rendered pages in Korean and English.
 * The language is chosen by ?lang=, then the fairgate_lang cookie, then Accept-Language; Korean
 * by default, as most users of the venue work in Korean.
 */
export const LANGS = ['ko', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ko';
export const LANG_COOKIE = 'fairgate_lang';

/** One message per key and language; `{name}` placeholders are filled by the translator. */
export type Catalogue<K extends string> = Record<Lang, Record<K, string>>;
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first supported language among the query, the cookie and the Accept-Language header. */
export function pickLang(query: unknown, cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  if (isLang(cookie)) return cookie;
  return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANG;
}

/** Accept-Language ranges by descending q, e.g. "en-US,en;q=0.9,ko;q=0.8" → en. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((r) => r.lang).find(isLang);
}

export function translator<K extends string>(catalogue: Catalogue<K>, lang: Lang): Translate<K> {
  const messages = catalogue[lang];
  return (key, params) => messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
