import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/*
 * The attendee's private link and badge code. The link's token is 32 random bytes (base64url, 43
 * characters) sent only by email; the database keeps only its SHA-256, so a leaked table opens no
 * page. The badge code is random too and says nothing about its holder.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** No 0/O, 1/I/L: a badge code is read aloud and typed on phones. */
const BADGE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BADGE_CODE = /^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashAccessToken(token) };
}

/**
 * The attendee's link token: HMAC-SHA-256 of its id under the app secret (43 base64url characters,
 * like a random one). The table still keeps only the token's hash, so a leaked table opens no page,
 * but the same link can be mailed again later without storing it, and without revoking it.
 */
export function accessTokenFor(secret: string, attendeeId: string): { token: string; hash: string } {
  const token = createHmac('sha256', secret).update(`attendee-access:${attendeeId}`).digest('base64url');
  return { token, hash: hashAccessToken(token) };
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The hash to look up, or undefined when the text cannot be one of our tokens. */
export function accessTokenHashOf(token: string): string | undefined {
  return TOKEN.test(token) ? hashAccessToken(token) : undefined;
}

export function newBadgeCode(): string {
  const part = (): string => Array.from({ length: 4 }, () => BADGE_ALPHABET[randomInt(BADGE_ALPHABET.length)]).join('');
  return `FG-${part()}-${part()}`;
}

/** What a typed or scanned badge code becomes: upper case, spaces dropped, hyphens restored. */
export function normalizeBadgeCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  // With the prefix: FG + 8; without it: 8 (a body may itself start with FG).
  const body = compact.length === 10 && compact.startsWith('FG') ? compact.slice(2) : compact;
  return body.length === 8 ? `FG-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}

/**
 * The hidden anti-forgery field of the personal page's forms, bound to the token's hash. The
 * token in the path is already the credential (no cookie for a foreign site to ride on); this
 * field also refuses a form posted from a page that merely knows the path.
 */
export function attendeeFormToken(secret: string, tokenHash: string): string {
  return createHmac('sha256', secret).update(`attendee-form:${tokenHash}`).digest('base64url');
}

export function verifyAttendeeFormToken(secret: string, tokenHash: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(attendeeFormToken(secret, tokenHash));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
