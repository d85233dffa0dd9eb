import { hashPassword } from '../../src/core/auth/password-hasher';
import type { StaffRole } from '../../src/core/auth/staff-roles.decorator';
import type { TestApp } from './test-app';

export const STAFF_PASSWORD = 'staff-password-long-enough-2027';

/** The argon2id hash of STAFF_PASSWORD, made once per test file (each hash costs ~19 MiB and a noticeable while on a loaded machine). */
let staffPasswordHash: Promise<string> | undefined;

/** An organizer team member (not an organization admin) with these roles for these editions (by code; null: all editions). */
export async function createStaff(t: TestApp, email: string, grants: Array<{ edition: string | null; role: StaffRole }>): Promise<string> {
  staffPasswordHash ??= hashPassword(STAFF_PASSWORD);
  const hash = await staffPasswordHash;
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO accounts (email, password_hash, role, display_name, locale, email_confirmed_at) VALUES ($1, $2, 'organizer', $3, 'ko', now()) RETURNING id`,
    [email, hash, email.split('@')[0]],
  );
  for (const g of grants) {
    await t.db.pool.query(
      `INSERT INTO staff_roles (account_id, edition_id, role) VALUES ($1, (SELECT id FROM fair_editions WHERE code = $2), $3)`,
      [rows[0].id, g.edition, g.role],
    );
  }
  return rows[0].id;
}

/** A bearer token of the member. */
export async function staffBearer(t: TestApp, email: string): Promise<string> {
  const res = await t.http.post('/api/auth/login').send({ email, password: STAFF_PASSWORD }).expect(200);
  return `Bearer ${res.body.token as string}`;
}
