import type { Response, Test } from 'supertest';
import type { TestApp } from './test-app';

export interface PageClientOptions {
  /** The Accept-Language a request sends when it names none (default 'ko'); null sends no Accept-Language. */
  lang?: string | null;
  /** Adjusts every request before it goes out, e.g. `forwardedFor(ip)` for the client address. */
  from?: (test: Test) => Test;
}

/** The CSRF token of a page (`<input name="_csrf" value="...">`). */
export function csrfOf(res: Response): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(res.text);
  if (!match) throw new Error(`no CSRF token in the page (status ${res.status})`);
  return match[1];
}

/** A request hook: the client address the browser comes from (X-Forwarded-For; the tests' TRUST_PROXY trusts the loopback). */
export function forwardedFor(ip: string | undefined): ((test: Test) => Test) | undefined {
  return ip ? (test) => test.set('X-Forwarded-For', ip) : undefined;
}

/**
 * A browser-like client for the pages: keeps the cookies the pages set (drops one set with
 * Max-Age=0), reads the CSRF token from the last page that had one, posts forms url-encoded.
 */
export class PageClient {
  readonly cookies = new Map<string, string>();
  /** The text of the last response. */
  lastHtml = '';
  /** The last page with a CSRF token in it. */
  private lastForm = '';
  private readonly lang: string | null;
  private readonly from: (test: Test) => Test;

  constructor(
    private readonly t: TestApp,
    options: PageClientOptions = {},
  ) {
    this.lang = options.lang === undefined ? 'ko' : options.lang;
    this.from = options.from ?? ((test) => test);
  }

  private remember(res: Response): Response {
    const set = res.headers['set-cookie'] as unknown as string[] | string | undefined;
    for (const c of set === undefined ? [] : Array.isArray(set) ? set : [set]) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (/;\s*max-age=0\s*(;|$)/i.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    if (typeof res.text === 'string') {
      this.lastHtml = res.text;
      if (res.text.includes('name="_csrf"')) this.lastForm = res.text;
    }
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private send(test: Test, lang: string | null): Test {
    const req = this.from(test).set('Cookie', this.cookieHeader());
    return lang === null ? req : req.set('Accept-Language', lang);
  }

  async get(path: string, lang = this.lang): Promise<Response> {
    return this.remember(await this.send(this.t.http.get(path), lang));
  }

  /** The CSRF token of the last page that had one. */
  csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastForm);
    if (!m) throw new Error(`no CSRF token in: ${this.lastHtml.slice(0, 500)}`);
    return m[1];
  }

  async post(path: string, form: Record<string, string | string[]>, lang = this.lang): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.remember(await this.send(this.t.http.post(path), lang).type('form').send(body.toString()));
  }

  /** A multipart form with one file (a CSV unless `file.type` says otherwise). */
  async upload(path: string, fields: Record<string, string>, file: { name: string; content: string; type?: string }, lang = this.lang): Promise<Response> {
    let req = this.send(this.t.http.post(path), lang);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return this.remember(await req.attach('file', Buffer.from(file.content, 'utf8'), { filename: file.name, contentType: file.type ?? 'text/csv' }));
  }

  /** Signs in through the login page (the console's unless `path` names another); throws unless it answers 303. */
  async login(email: string, password: string, path = '/console/login'): Promise<Response> {
    await this.get(path);
    const res = await this.post(path, { _csrf: this.csrf(), email, password });
    if (res.status !== 303) throw new Error(`${path} answered ${res.status}`);
    return res;
  }
}

/** The redirect's target as a path with its query. */
export function location(res: Response): string {
  const url = new URL(res.headers.location, 'http://x');
  return `${url.pathname}${url.search}`;
}
