import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AppConfig } from '../config/app-config';
import { PRESESSION_COOKIE, presessionBinding, sessionBinding, verifyCsrfToken } from './csrf';
import { newFormKey, presessionFormCsrf, publicPageContext } from './public-form';

const config = { appSecret: 's'.repeat(32), publicUrl: 'https://fairs.example' } as AppConfig;

function request(cookie: string | undefined, extra: Partial<AuthenticatedRequest> = {}): AuthenticatedRequest {
  return { query: {}, path: '/fairs/x/visit', header: (name: string) => (name === 'cookie' ? cookie : undefined), ...extra } as unknown as AuthenticatedRequest;
}

function response(): Response & { cookies: string[] } {
  const cookies: string[] = [];
  return { cookies, append: (_name: string, value: string) => cookies.push(value) } as unknown as Response & { cookies: string[] };
}

describe('public forms', () => {
  it('sets a pre-session cookie under the path asked for when the browser has none, and binds the token to it', () => {
    const res = response();
    const token = presessionFormCsrf(request(undefined), res, config, { path: '/fairs' });
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies[0]).toMatch(new RegExp(`^${PRESESSION_COOKIE}=`));
    expect(res.cookies[0]).toContain('Path=/fairs');
    expect(res.cookies[0]).toContain('Max-Age=7200');
    const nonce = res.cookies[0].split(';')[0].split('=')[1];
    expect(verifyCsrfToken(config.appSecret, presessionBinding(nonce), token)).toBe(true);
  });

  it('reuses the cookie the browser has, and prefers the session unless told not to', () => {
    const res = response();
    const cookie = `${PRESESSION_COOKIE}=${'n'.repeat(32)}`;
    const pre = presessionFormCsrf(request(cookie), res, config, { path: '/fairs', maxAgeSeconds: 60 });
    expect(res.cookies).toEqual([]);
    expect(verifyCsrfToken(config.appSecret, presessionBinding('n'.repeat(32)), pre)).toBe(true);
    const logged = request(cookie, { principal: { sessionId: 'sid' } as AuthenticatedRequest['principal'] });
    expect(verifyCsrfToken(config.appSecret, sessionBinding('sid'), presessionFormCsrf(logged, res, config, { path: '/fairs' }))).toBe(true);
    expect(verifyCsrfToken(config.appSecret, presessionBinding('n'.repeat(32)), presessionFormCsrf(logged, res, config, { path: '/fairs', session: false }))).toBe(true);
  });

  it('picks the language and links the other one on the same path', () => {
    const catalogue = { ko: { hello: '안녕 {name}' }, en: { hello: 'Hello {name}' } };
    const ctx = publicPageContext({ ...request(undefined), query: { lang: 'en' } } as unknown as Request, catalogue, '&day=2027-04-29');
    expect(ctx.lang).toBe('en');
    expect(ctx.t('hello', { name: 'Kim' })).toBe('Hello Kim');
    expect(ctx.langHref('ko')).toBe('/fairs/x/visit?lang=ko&day=2027-04-29');
  });

  it('makes one-time form keys of 24 URL-safe characters', () => {
    expect(newFormKey()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(newFormKey()).not.toBe(newFormKey());
  });
});
