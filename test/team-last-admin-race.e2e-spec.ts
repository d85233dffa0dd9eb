/**
 * The organization keeps one active organization admin even when two admins are demoted at the
 * same moment. The guard is the deferred trigger `organization_admin_kept` (checked at commit under
 * one advisory lock); the service's own recount only gives the readable refusal in the calm case.
 *
 * - Interleaved by hand on two connections: both demotions pass their statements, the first commit
 *   wins, the second commit is refused (SQLSTATE 23514). Negative control: with the trigger disabled
 *   the same interleaving commits both and leaves no admin.
 * - Through TeamService, rounds of two concurrent demotions (the service's recount switched off, as a
 *   transaction would see it racing): exactly one wins each round, the loser is a 409.
 * Replay: npx jest test/team-last-admin-race
 */
import { Client } from 'pg';
import type { Principal } from '../src/core/auth/principal';
import { TeamService, teamTestSwitches } from '../src/core/auth/team.service';
import { DomainError } from '../src/core/errors/domain-error';
import { createStaff } from './support/staff';
import { startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

describe('last organization admin: two demotions at once cannot both pass', () => {
  let t: TestApp;
  let first: string;
  let second: string;

  const activeAdmins = async (): Promise<number> =>
    (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE role = 'organizer' AND org_admin AND NOT disabled`)).rows[0].n;
  const bothAdmins = async (): Promise<void> => {
    await t.db.pool.query(`UPDATE accounts SET org_admin = true, disabled = false WHERE id = ANY($1)`, [[first, second]]);
  };

  /** Two connections, each demoting one admin; commits in order. Answers each commit's SQLSTATE (or 'ok'). */
  async function interleaved(): Promise<string[]> {
    const a = new Client({ connectionString: t.db.url });
    const b = new Client({ connectionString: t.db.url });
    a.on('error', () => undefined);
    b.on('error', () => undefined);
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE accounts SET org_admin = false WHERE id = $1`, [first]);
      await b.query(`UPDATE accounts SET org_admin = false WHERE id = $1`, [second]);
      const outcome = async (c: Client): Promise<string> => c.query('COMMIT').then(() => 'ok', (e: { code?: string }) => e.code ?? 'error');
      return [await outcome(a), await outcome(b)];
    } finally {
      await a.end();
      await b.end();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    first = (await t.db.pool.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [TEST_ORGANIZER.email])).rows[0].id;
    second = await createStaff(t, `second-admin-${process.pid}@team.example`, []);
    await bothAdmins();
  }, 60_000);
  afterAll(async () => {
    teamTestSwitches.skipLastAdminCheck = false;
    await t?.close();
  });

  it('interleaved by hand: the first commit wins, the second is refused at commit; one admin stays', async () => {
    expect(await interleaved()).toEqual(['ok', '23514']);
    expect(await activeAdmins()).toBe(1);
    await bothAdmins();
  });

  it('through the service, 10 rounds of two concurrent demotions: one wins, the other is a 409 naming the rule', async () => {
    teamTestSwitches.skipLastAdminCheck = true;
    const team = t.running.app.get(TeamService);
    const as = (accountId: string): Principal => ({ accountId, sessionId: accountId, role: 'organizer', email: `${accountId}@x.example`, displayName: 'x', locale: 'ko', orgAdmin: true, staffGrants: [] });
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled([team.setOrgAdmin(as(first), second, false), team.setOrgAdmin(as(second), first, false)]);
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r).reason as unknown);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(DomainError);
      expect((refused[0] as DomainError).status).toBe(409);
      expect(await activeAdmins()).toBe(1);
      await bothAdmins();
    }
    teamTestSwitches.skipLastAdminCheck = false;
  }, 60_000);

  describe('negative control: the trigger disabled', () => {
    beforeAll(async () => {
      await t.db.pool.query(`ALTER TABLE accounts DISABLE TRIGGER organization_admin_kept`);
    });
    afterAll(async () => {
      await t.db.pool.query(`ALTER TABLE accounts ENABLE TRIGGER organization_admin_kept`);
      await bothAdmins();
    });

    it('the same interleaving commits both demotions and leaves the organization without an admin', async () => {
      expect(await interleaved()).toEqual(['ok', 'ok']);
      expect(await activeAdmins()).toBe(0);
    });
  });
});
