import type { Response, Test } from 'supertest';
import type { TestApp } from './test-app';

/** A browser-like client for the console pages: keeps the cookies the pages set, reads the CSRF token from the last page. */
export class PageClient {
  private cookies = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly t: TestApp) {}

  private remember(res: Response): Response {
    const set = res.headers['set-cookie'] as unknown as string[] | undefined;
    for (const c of set ?? []) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0/.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    if (typeof res.text === 'string') this.lastHtml = res.text;
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private send(test: Test, lang: string): Test {
    return test.set('Cookie', this.cookieHeader()).set('Accept-Language', lang);
  }

  async get(path: string, lang = 'ko'): Promise<Response> {
    return this.remember(await this.send(this.t.http.get(path), lang));
  }

  csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error(`no CSRF token in: ${this.lastHtml.slice(0, 500)}`);
    return m[1];
  }

  async post(path: string, form: Record<string, string | string[]>, lang = 'ko'): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.remember(await this.send(this.t.http.post(path), lang).type('form').send(body.toString()));
  }

  async login(email: string, password: string): Promise<void> {
    await this.get('/console/login');
    const res = await this.post('/console/login', { _csrf: this.csrf(), email, password });
    if (res.status !== 303) throw new Error(`console login answered ${res.status}`);
  }
}

/** The redirect's target as a path with its query. */
export function location(res: Response): string {
  const url = new URL(res.headers.location, 'http://x');
  return `${url.pathname}${url.search}`;
}
