import type { ReceivedMail } from './smtp-sink';
import { newBusinessRegistrationNumber } from './factories';
import type { TestApp } from './test-app';

let serial = 0;

/** A sign-up body for a new company, different on every call. */
export function newSignUp(overrides: Record<string, unknown> = {}): { email: string; password: string; [key: string]: unknown } {
  serial++;
  const tag = `${process.pid}-${serial}-${Date.now() % 100000}`;
  return {
    email: `owner-${tag}@company-${tag}.example`,
    password: 'kimchi-fried-rice-2027',
    displayName: '이서연',
    language: 'en',
    company: {
      name: `광주정밀 ${tag}`,
      businessRegistrationNumber: newBusinessRegistrationNumber(),
      country: 'KR',
      address: '광주광역시 북구 첨단과기로 123',
    },
    ...overrides,
  };
}

/** The first email to `to` whose subject matches, waiting for the mail worker. */
export async function mailTo(t: TestApp, to: string, subject: RegExp, timeoutMs = 30_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = t.smtp.received.find((m) => m.envelopeTo.some((a) => a.toLowerCase() === to.toLowerCase()) && subject.test(m.parsed.subject ?? ''));
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`no email to ${to} matching ${String(subject)}; got: ${t.smtp.received.map((m) => `${m.envelopeTo.join(',')}: ${m.parsed.subject}`).join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The token of the first link in a mail's text that leads to `path`. */
export function linkToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path.replace(/[/-]/g, (c) => `\\${c}`)}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`no link to ${path} in: ${mail.parsed.text}`);
  return decodeURIComponent(match[1]);
}

export interface Exhibitor {
  email: string;
  password: string;
  auth: string;
  companyId: string;
  businessRegistrationNumber: string;
}

/** Signs a company up as a new user would: sign-up, the confirmation link from the email, login. */
export async function signUpExhibitor(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Exhibitor> {
  const body = newSignUp(overrides);
  const res = await t.http.post('/api/exhibitor-accounts').send(body).expect(201);
  const mail = await mailTo(t, body.email, /confirm/i);
  await t.http.post('/api/exhibitor-accounts/confirm-email').send({ token: linkToken(mail, '/exhibitor/confirm-email') }).expect(204);
  const login = await t.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(200);
  return {
    email: body.email, password: body.password, auth: `Bearer ${login.body.token as string}`,
    companyId: res.body.company.id as string, businessRegistrationNumber: res.body.company.businessRegistrationNumber as string,
  };
}

/** A complete application form for an edition of the PPURI fair. */
export function newApplicationForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    edition: 'ppuri-2027',
    contact: { name: '이서연', email: `contact-${process.pid}-${++serial}@company.example`, phone: '+82 62-600-1234' },
    booth: { type: 'shell_scheme', count: 2 },
    hall: 'EXH1',
    preferredBoothKind: 'inline',
    productCategories: ['casting'],
    ...overrides,
  };
}
