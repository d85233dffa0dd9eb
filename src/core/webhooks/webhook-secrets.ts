import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, shown to the organizer once as `whsec_<hex>`. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

/**
 * Secrets at rest are sealed with AES-256-GCM under a key derived from APP_SECRET, so a database
 * dump alone cannot sign payloads. Format: v1.<iv>.<tag>.<ciphertext>, base64url parts.
 */
export function sealSecret(appSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(appSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openSecret(appSecret: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('webhook secret: unknown sealing format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(appSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

function keyOf(appSecret: string): Buffer {
  return createHash('sha256').update(`fairgate-webhook-secrets:${appSecret}`).digest();
}
