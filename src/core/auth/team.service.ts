import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, changedFields } from '../audit/audit-trail';
import { AppConfig } from '../config/app-config';
import { PgError, pgCode, pgConstraint } from '../database/postgres-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { OutboxService } from '../outbox/outbox.service';
import { AccountsService, newSecretToken, sha256Hex } from './accounts.service';
import { staffInvitationMail } from './mail/account-mails';
import { hashPassword } from './password-hasher';
import type { Principal } from './principal';
import { editionsWhere, type StaffGrant } from './staff-access';
import { STAFF_ROLES, type StaffRole } from './staff-roles.decorator';

export const STAFF_INVITE_TTL_HOURS = 7 * 24;
/** Where an invitation's link lands (the console's acceptance page). */
export const STAFF_ACCEPT_PATH = '/console/team/accept';

export interface TeamMember {
  accountId: string;
  email: string;
  displayName: string;
  orgAdmin: boolean;
  disabled: boolean;
  /** Invited, not accepted yet. */
  pending: boolean;
  grants: StaffGrant[];
}

export interface StaffInvite {
  email: string;
  displayName: string;
  locale: 'ko' | 'en';
  /** The roles to grant at once: for one edition, or (editionId null) for all. */
  grants: StaffGrant[];
}

/** Set only by the race test's negative control: skips the in-transaction recount, leaving the trigger alone (or nothing) to keep an admin. */
export const teamTestSwitches = { skipLastAdminCheck: false };

/**
 * The organizer team: who is in it, their roles per edition, invitations, revocation. Organization
 * admins do everything; an edition's admin invites and sets roles for their own editions only. The
 * organization keeps one active organization admin: checked here for a readable refusal, and by the
 * database's deferred trigger `organization_admin_kept` for two demotions at once.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  async members(): Promise<TeamMember[]> {
    return this.dataSource.query(
      `SELECT a.id AS "accountId", a.email, a.display_name AS "displayName", a.org_admin AS "orgAdmin", a.disabled,
              (a.email_confirmed_at IS NULL) AS pending,
              coalesce((SELECT json_agg(json_build_object('editionId', r.edition_id, 'role', r.role) ORDER BY r.role)
                          FROM staff_roles r WHERE r.account_id = a.id), '[]'::json) AS grants
         FROM accounts a WHERE a.role = 'organizer' ORDER BY a.disabled, a.org_admin DESC, a.email`,
    );
  }

  /** Creates the member's account (no usable password yet), grants the roles and mails a one-time link. */
  async invite(by: Principal, input: StaffInvite): Promise<{ accountId: string }> {
    this.mayGrant(by, input.grants);
    const email = input.email.trim().toLowerCase();
    return this.transactions.run(async (tx) => {
      const passwordHash = await hashPassword(newSecretToken());
      const inserted: Array<{ id: string }> = await tx.manager.query(
        `INSERT INTO accounts (email, password_hash, role, display_name, locale) VALUES ($1, $2, 'organizer', $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, passwordHash, input.displayName.trim(), input.locale],
      );
      if (inserted.length === 0) {
        throw new DomainError(ErrorCode.Conflict, 'An account with this email already exists.', { errors: [{ field: 'email', messages: ['email already has an account'] }] });
      }
      const accountId = inserted[0].id;
      await this.insertGrants(tx.manager, accountId, input.grants);
      const token = newSecretToken();
      await tx.manager.query(
        `INSERT INTO account_tokens (account_id, purpose, token_hash, expires_at) VALUES ($1, 'staff_invite', $2, now() + make_interval(hours => $3))`,
        [accountId, sha256Hex(token), STAFF_INVITE_TTL_HOURS],
      );
      await this.outbox.send(tx, staffInvitationMail, {
        recipient: email,
        locale: input.locale,
        params: { inviterName: by.displayName, acceptUrl: `${this.config.publicUrl}${STAFF_ACCEPT_PATH}?token=${encodeURIComponent(token)}`, expiresInHours: STAFF_INVITE_TTL_HOURS },
      });
      await this.audit.record(tx.manager, {
        actor: actorOf(by), action: 'staff.invite', subjectType: 'account', subjectId: accountId,
        scopeId: singleEdition(input.grants), after: { email, grants: input.grants },
      });
      return { accountId };
    });
  }

  /** The invitee chooses a password with the link, once; the address is proven by it. */
  async accept(token: string, password: string): Promise<{ email: string }> {
    AccountsService.checkPassword(password);
    const passwordHash = await hashPassword(password);
    return this.transactions.run(async (tx) => {
      const [rows] = await tx.manager.query<[Array<{ accountId: string }>, number]>(
        `UPDATE account_tokens SET used_at = now()
          WHERE token_hash = $1 AND purpose = 'staff_invite' AND used_at IS NULL AND expires_at > now()
          RETURNING account_id AS "accountId"`,
        [sha256Hex(token)],
      );
      if (rows.length === 0) throw new DomainError(ErrorCode.InvalidToken, 'This invitation has expired or was already used: ask for a new one.');
      const [updated] = await tx.manager.query<[Array<{ email: string }>, number]>(
        `UPDATE accounts SET password_hash = $2, email_confirmed_at = coalesce(email_confirmed_at, now())
          WHERE id = $1 AND NOT disabled RETURNING email`,
        [rows[0].accountId, passwordHash],
      );
      if (updated.length === 0) throw new DomainError(ErrorCode.InvalidToken, 'This invitation was withdrawn.');
      return { email: updated[0].email };
    });
  }

  /** Replaces the member's roles for one edition (null: all editions) with `roles`. */
  async setRoles(by: Principal, accountId: string, editionId: string | null, roles: StaffRole[]): Promise<void> {
    this.mayGrant(by, [{ editionId, role: 'admin' }]);
    await this.transactions.run(async (tx) => {
      await this.requireMember(tx.manager, accountId);
      // DELETE … RETURNING answers [rows, count] through TypeORM.
      const [before] = await tx.manager.query<[Array<{ role: StaffRole }>, number]>(
        `DELETE FROM staff_roles WHERE account_id = $1 AND edition_id IS NOT DISTINCT FROM $2 RETURNING role`, [accountId, editionId],
      );
      await this.insertGrants(tx.manager, accountId, roles.map((role) => ({ editionId, role })));
      const change = changedFields({ roles: before.map((r) => r.role).sort() }, { roles: [...roles].sort() });
      if (Object.keys(change.after).length === 0) return;
      await this.audit.record(tx.manager, { actor: actorOf(by), action: 'staff.roles-set', subjectType: 'account', subjectId: accountId, scopeId: editionId, ...change });
    });
  }

  /** Makes a member an organization admin, or no longer one (never the last active one). */
  async setOrgAdmin(by: Principal, accountId: string, orgAdmin: boolean): Promise<void> {
    this.requireOrgAdmin(by);
    await this.keepingAnAdmin(async (manager) => {
      const member = await this.requireMember(manager, accountId);
      if (member.orgAdmin === orgAdmin) return;
      if (!orgAdmin) await this.refuseLastAdmin(manager, accountId);
      await manager.query(`UPDATE accounts SET org_admin = $2 WHERE id = $1`, [accountId, orgAdmin]);
      await this.audit.record(manager, { actor: actorOf(by), action: orgAdmin ? 'staff.org-admin-grant' : 'staff.org-admin-revoke', subjectType: 'account', subjectId: accountId, before: { orgAdmin: !orgAdmin }, after: { orgAdmin } });
    });
  }

  /** Revokes a member: the account is disabled, its roles go, every session of it ends now. */
  async revoke(by: Principal, accountId: string): Promise<void> {
    this.requireOrgAdmin(by);
    await this.keepingAnAdmin(async (manager) => {
      const member = await this.requireMember(manager, accountId);
      if (member.disabled) return;
      if (member.orgAdmin) await this.refuseLastAdmin(manager, accountId);
      const [grants] = await manager.query<[StaffGrant[], number]>(`DELETE FROM staff_roles WHERE account_id = $1 RETURNING edition_id AS "editionId", role`, [accountId]);
      await manager.query(`UPDATE accounts SET disabled = true WHERE id = $1`, [accountId]);
      await manager.query(`UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountId]);
      await manager.query(`UPDATE account_tokens SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
      await this.audit.record(manager, { actor: actorOf(by), action: 'staff.revoke', subjectType: 'account', subjectId: accountId, before: { disabled: false, grants }, after: { disabled: true, grants: [] } });
    });
  }

  /** Runs the change; the deferred trigger's refusal at commit (two demotions at once) becomes a 409. */
  private async keepingAnAdmin(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.transactions.run((tx) => work(tx.manager));
    } catch (error) {
      if (pgCode(error) === PgError.CheckViolation && pgConstraint(error) === 'organization_admin_kept') throw lastAdminRefusal();
      throw error;
    }
  }

  private async refuseLastAdmin(manager: EntityManager, leaving: string): Promise<void> {
    if (teamTestSwitches.skipLastAdminCheck) return;
    const [{ others }] = await manager.query<Array<{ others: number }>>(
      `SELECT count(*)::int AS others FROM accounts WHERE role = 'organizer' AND org_admin AND NOT disabled AND id <> $1`, [leaving],
    );
    if (others === 0) throw lastAdminRefusal();
  }

  private async requireMember(manager: EntityManager, accountId: string): Promise<{ orgAdmin: boolean; disabled: boolean }> {
    const rows: Array<{ orgAdmin: boolean; disabled: boolean }> = await manager.query(
      `SELECT org_admin AS "orgAdmin", disabled FROM accounts WHERE id = $1 AND role = 'organizer'`, [accountId],
    );
    if (rows.length === 0) throw new DomainError(ErrorCode.NotFound, 'There is no such team member.');
    return rows[0];
  }

  private async insertGrants(manager: EntityManager, accountId: string, grants: StaffGrant[]): Promise<void> {
    for (const g of grants) {
      if (!STAFF_ROLES.includes(g.role)) throw DomainError.validation([{ field: 'roles', messages: [`unknown role ${g.role as string}`] }]);
      try {
        await manager.transaction((inner) => inner.query(`INSERT INTO staff_roles (account_id, edition_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [accountId, g.editionId, g.role]));
      } catch (error) {
        if (pgCode(error) === '23503') throw new DomainError(ErrorCode.NotFound, 'There is no such edition.');
        throw error;
      }
    }
  }

  /** An organization admin grants anything; an edition's admin only roles of their own editions. */
  private mayGrant(by: Principal, grants: StaffGrant[]): void {
    const adminOf = editionsWhere({ orgAdmin: by.orgAdmin, grants: by.staffGrants }, ['admin']);
    if (adminOf === 'all') return;
    const outside = grants.filter((g) => g.editionId === null || !adminOf.has(g.editionId));
    if (outside.length > 0 || grants.length === 0 && adminOf.size === 0) {
      throw new DomainError(ErrorCode.Forbidden, 'Only an organization admin, or the admin of the edition, may grant these roles.', { reason: 'staff-role', staffRoles: ['admin'] });
    }
  }

  private requireOrgAdmin(by: Principal): void {
    if (!by.orgAdmin) throw new DomainError(ErrorCode.Forbidden, 'Only an organization admin may do this.', { reason: 'staff-role', staffRoles: ['admin'] });
  }
}

function lastAdminRefusal(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'The organization must keep at least one active organization admin: make someone else admin first.');
}

function actorOf(by: Principal): { accountId: string; email: string } {
  return { accountId: by.accountId, email: by.email };
}

function singleEdition(grants: StaffGrant[]): string | null {
  const ids = new Set(grants.map((g) => g.editionId));
  return ids.size === 1 ? [...ids][0] : null;
}
