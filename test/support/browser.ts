import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, request, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app';

/** Debian's chromium (.ci/run installs it); nothing downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless chromium for the browser specs, with the flags every one of them uses; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (the CI script does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The app and a browser for a describe block: `base` is the app's URL. Filled in beforeAll, closed in afterAll. */
export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  base: string;
}

/** Call in a describe block: starts a browser and the app before its tests and closes both after them. */
export function useBrowserApp(): BrowserApp {
  const env = {} as BrowserApp;
  beforeAll(async () => {
    env.browser = await launchBrowser();
    env.t = await startTestApp();
    env.base = `http://127.0.0.1:${(env.t.running.server!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.t?.close();
  });
  return env;
}

/** How far the page scrolls sideways: 0 when it fits. Evaluated in the page (a string: the tests compile without DOM types). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)');
}

/** An English clock (AM/PM) on the page, with a little context, or null: a Korean page writes 오전/오후. */
export async function englishClock(page: Page): Promise<string | null> {
  const text = await page.evaluate<string>('document.body.innerText');
  return /.{0,40}\b(AM|PM)\b.{0,20}/.exec(text)?.[0] ?? null;
}

/** The page's own link targets (same origin, no fragment), once each; `selector` picks the anchors. */
export async function pageLinks(page: Page, selector = 'a[href]'): Promise<string[]> {
  // In-page links (#field of an error summary) are not fetched; an SVG <a> (a booth on a plan) keeps its href in baseVal.
  const hrefs = await page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((a) => !(a.getAttribute('href') ?? '').startsWith('#'))` +
      `.map((a) => new URL(typeof a.href === 'string' ? a.href : a.href.baseVal, location.href).href)`,
  );
  const origin = new URL(page.url()).origin;
  return [...new Set(hrefs.map((h) => h.split('#')[0]).filter((h) => h.startsWith(`${origin}/`) || h === origin))];
}

/**
 * The links among `urls` that answer 400 or more, as "status url". Each is fetched with the page's
 * cookies in a cookie jar of its own (following the language switcher must not switch the page's
 * language), redirects followed; a URL already in `seen` is not fetched again.
 */
export async function brokenLinks(page: Page, urls: Iterable<string>, seen = new Set<string>()): Promise<string[]> {
  const fetcher = await request.newContext({ storageState: await page.context().storageState() });
  const broken: string[] = [];
  try {
    for (const url of urls) {
      if (seen.has(url)) continue;
      const res = await fetcher.get(url, { maxRedirects: 5 });
      if (res.status() >= 400) broken.push(`${res.status()} ${url}`);
      else seen.add(url);
    }
  } finally {
    await fetcher.dispose();
  }
  return broken;
}

export interface PageChecks {
  /** The page's language: a Korean page must show no AM/PM. */
  lang?: 'ko' | 'en';
  /** Names the page in a failure. */
  name?: string;
  /** Which links to follow (default every anchor). */
  links?: string;
  /** Links already found working in this test file. */
  seen?: Set<string>;
}

/** What every visited page must pass: nothing scrolls sideways, no AM/PM on a Korean page, every link answers below 400. */
export async function expectPageWorks(page: Page, checks: PageChecks = {}): Promise<void> {
  const name = checks.name ?? page.url();
  expect({ name, overflow: await sidewaysOverflow(page) }).toEqual({ name, overflow: 0 });
  if (checks.lang === 'ko') expect({ name, clock: await englishClock(page) }).toEqual({ name, clock: null });
  const links = await pageLinks(page, checks.links);
  expect({ name, broken: await brokenLinks(page, links, checks.seen) }).toEqual({ name, broken: [] });
}

/** With SHOTS_DIR set (e.g. SHOTS_DIR=/tmp/shots/x), saves a full-page screenshot for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** The page's links as written, except in-page (#…) and mailto: links. */
const linkHrefs = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(`[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !h.startsWith('#') && !h.startsWith('mailto:'))`);

/** Every link of the page answers below 400 (redirects followed), fetched with the page's cookies. */
export async function linksWork(page: Page): Promise<void> {
  const bad: string[] = [];
  for (const href of new Set(await linkHrefs(page))) {
    const res = await page.request.get(new URL(href, page.url()).toString());
    if (res.status() >= 400) bad.push(`${href} → ${res.status()}`);
  }
  expect(bad).toEqual([]);
}

/**
 * The page does not scroll sideways, is in `lang` (a Korean page shows no AM/PM), and its links
 * work; with SHOTS_DIR set and a `shot` name, saves a screenshot.
 */
export async function looksRight(page: Page, lang: 'ko' | 'en', shot?: string): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect({ url: page.url(), overflow }).toEqual({ url: page.url(), overflow: 0 });
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
  if (lang === 'ko') expect(await page.locator('body').innerText()).not.toMatch(/\b(AM|PM)\b/);
  await linksWork(page);
  if (shot) await saveScreenshot(page, shot);
}
