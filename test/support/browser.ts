import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
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
