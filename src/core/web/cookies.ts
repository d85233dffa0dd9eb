/**
 * Cookies of the web console. They are scoped to /console (the API never sees them), HttpOnly,
 * SameSite=Lax (a cross-site form post arrives without them) and Secure behind https.
 */
export interface CookieOptions {
  /** Whether to send the Secure attribute: when the public URL is https. */
  secure: boolean;
  /** Seconds until the browser drops it; omitted → a session cookie. 0 deletes it. */
  maxAgeSeconds?: number;
  path?: string;
}

export const CONSOLE_PATH = '/console';

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      continue; // a malformed cookie is ignored rather than failing the request
    }
    // The first occurrence wins: browsers send the most specific path first.
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name)) throw new Error(`invalid cookie name ${name}`);
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? CONSOLE_PATH}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.maxAgeSeconds !== undefined) {
    const seconds = Math.max(0, Math.floor(options.maxAgeSeconds));
    parts.push(`Max-Age=${seconds}`, `Expires=${new Date(Date.now() + seconds * 1000).toUTCString()}`);
  }
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function expiredCookie(name: string, options: Omit<CookieOptions, 'maxAgeSeconds'>): string {
  return serializeCookie(name, '', { ...options, maxAgeSeconds: 0 });
}

/** Secure cookies only when the site is served over https (a browser would drop them on http). */
export function secureCookies(publicUrl: string): boolean {
  return publicUrl.toLowerCase().startsWith('https:');
}
