import { newWebhookSecret, openSecret, sealSecret } from './webhook-secrets';

describe('webhook secrets at rest', () => {
  it('seals and opens with the app secret; another app secret cannot open; the sealed text hides the secret', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const sealed = sealSecret('a'.repeat(32), secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret('a'.repeat(32), sealed)).toBe(secret);
    expect(() => openSecret('b'.repeat(32), sealed)).toThrow();
    expect(sealSecret('a'.repeat(32), secret)).not.toBe(sealed);
  });
});
