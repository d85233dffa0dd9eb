import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signature (t=…,v1=HMAC-SHA256 of "<t>.<body>")', () => {
  const at = new Date('2027-04-28T05:00:00Z');
  const body = '{"id":"e1","type":"application.submitted"}';

  it('signs "<t>.<body>" with the secret, t in unix seconds', () => {
    const t = Math.floor(at.getTime() / 1000);
    expect(signatureHeader('whsec_x', body, at)).toBe(`t=${t},v1=${createHmac('sha256', 'whsec_x').update(`${t}.${body}`).digest('hex')}`);
  });

  it('verifies its own signature, and refuses another secret, another body, an old timestamp and garbage', () => {
    const header = signatureHeader('whsec_x', body, at);
    expect(verifySignature('whsec_x', body, header, at)).toBe(true);
    expect(verifySignature('whsec_y', body, header, at)).toBe(false);
    expect(verifySignature('whsec_x', `${body} `, header, at)).toBe(false);
    expect(verifySignature('whsec_x', body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature('whsec_x', body, 't=abc,v1=zz', at)).toBe(false);
    expect(verifySignature('whsec_x', body, '', at)).toBe(false);
  });
});
