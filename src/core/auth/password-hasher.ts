import argon2 from 'argon2';

/** argon2id at OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A few of the most common passwords; a full list would come from a breach corpus. */
const COMMON = new Set([
  '123456789012', 'password1234', 'qwertyuiop12', '111111111111', 'passwordpassword', 'iloveyou1234',
  'administrator', 'letmein12345', 'welcome12345', 'fairgate1234', 'changeme1234', 'qwerty123456',
]);

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  return COMMON.has(p) || /^(.)\1+$/.test(p) || /^(0123456789|1234567890)+\d*$/.test(p);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the account does not exist keeps the timing the same. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}
