import { accessTokenFor, accessTokenHashOf, attendeeFormToken, BADGE_CODE, newAccessToken, newBadgeCode, normalizeBadgeCode, verifyAttendeeFormToken } from './attendee-tokens';

describe('attendee tokens', () => {
  it('makes 32-byte link tokens whose hash only is kept', () => {
    const { token, hash } = newAccessToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(accessTokenHashOf(token)).toBe(hash);
    expect(accessTokenHashOf('not-a-token')).toBeUndefined();
  });

  it('derives an attendee\'s link from its id under the secret: the same link every time, another per id and per secret', () => {
    const id = '7d1f4b8e-1c2a-4e6b-9f3d-2a5c8e0b1d4f';
    const link = accessTokenFor('s'.repeat(32), id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(accessTokenHashOf(link.token)).toBe(link.hash);
    expect(accessTokenFor('s'.repeat(32), id)).toEqual(link);
    expect(accessTokenFor('s'.repeat(32), '8d1f4b8e-1c2a-4e6b-9f3d-2a5c8e0b1d4f').token).not.toBe(link.token);
    expect(accessTokenFor('t'.repeat(32), id).token).not.toBe(link.token);
  });

  it('makes badge codes FG-XXXX-XXXX without look-alike characters, and reads them back however typed', () => {
    for (let i = 0; i < 200; i++) {
      const code = newBadgeCode();
      expect(code).toMatch(BADGE_CODE);
      expect(code.slice(3)).not.toMatch(/[01OIL]/);
      expect(normalizeBadgeCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
      expect(normalizeBadgeCode(code.slice(3).replace('-', ''))).toBe(code);
    }
  });

  it('binds the form field to the token hash', () => {
    const field = attendeeFormToken('s'.repeat(32), 'a'.repeat(64));
    expect(verifyAttendeeFormToken('s'.repeat(32), 'a'.repeat(64), field)).toBe(true);
    expect(verifyAttendeeFormToken('s'.repeat(32), 'b'.repeat(64), field)).toBe(false);
    expect(verifyAttendeeFormToken('s'.repeat(32), 'a'.repeat(64), undefined)).toBe(false);
  });
});
