import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PgError, pgCode, pgConstraint } from '../database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../database/transaction-runner';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { OutboxService } from '../outbox/outbox.service';
import { Account, type Role } from './entities/account.entity';
import { AccountToken, type AccountTokenPurpose } from './entities/account-token.entity';
import { emailConfirmationMail, passwordResetMail } from './mail/account-mails';
import { hashPassword, isCommonPassword } from './password-hasher';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
  locale: 'ko' | 'en';
  /** True when the address is already proven (an accepted invitation came through it). */
  emailConfirmed: boolean;
}

const CONFIRM_TTL_HOURS = 48;
const RESET_TTL_MINUTES = 60;

export const sha256Hex = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/**
 * Accounts' life outside a session: creation, email confirmation and password reset, each
 * by a single-use link whose mail is written to the outbox in the same transaction.
 */
/**
 * Asked, inside the transaction, before an account's email address counts as confirmed (by the
 * mailed link or by a password reset): answers why it may not be, or undefined when it may.
 * A module whose records hang on the confirmation (an exhibitor company claiming its business
 * number) registers one with AccountsService.beforeEmailConfirmed.
 */
export type EmailConfirmationCheck = (manager: EntityManager, accountId: string) => Promise<string | undefined>;

@Injectable()
export class AccountsService {
  private readonly confirmationChecks: EmailConfirmationCheck[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Refuses passwords that are short or among the most common, naming the field. */
  static checkPassword(password: string, field = 'password'): void {
    if (password.length < 10 || password.length > 200 || isCommonPassword(password)) {
      throw DomainError.validation([{ field, messages: [`${field} must be 10 to 200 characters and not a common password`] }]);
    }
  }

  /** Creates the account inside the caller's transaction; an address already in use is a 409. */
  async create(tx: TransactionContext, input: NewAccount): Promise<Account> {
    AccountsService.checkPassword(input.password);
    const email = input.email.trim().toLowerCase();
    const repo = tx.manager.getRepository(Account);
    try {
      // A savepoint keeps the caller's transaction usable after a unique violation.
      return await tx.manager.transaction(async (inner) =>
        inner.getRepository(Account).save(repo.create({
          email,
          passwordHash: await hashPassword(input.password),
          role: input.role,
          displayName: input.displayName,
          locale: input.locale,
          emailConfirmedAt: input.emailConfirmed ? new Date() : null,
        })),
      );
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation && pgConstraint(error) === 'accounts_email_key') {
        throw new DomainError(ErrorCode.Conflict, 'An account with this email already exists: log in, or reset the password.', {
          errors: [{ field: 'email', messages: ['email already has an account; log in or reset the password'] }],
        });
      }
      throw error;
    }
  }

  /** Mails a confirmation link (`${linkPath}?token=…`) to the account, in the caller's transaction. */
  async sendEmailConfirmation(tx: TransactionContext, account: Account, linkPath: string): Promise<void> {
    const token = await this.issueToken(tx.manager, account.id, 'confirm_email', CONFIRM_TTL_HOURS * 60);
    await this.outbox.send(tx, emailConfirmationMail, {
      recipient: account.email,
      locale: account.locale,
      params: { displayName: account.displayName, confirmUrl: this.link(linkPath, token), expiresInHours: CONFIRM_TTL_HOURS },
    });
  }

  /** Sends a new confirmation link when the account exists and is unconfirmed; silent otherwise (no account probing). */
  async resendEmailConfirmation(emailInput: string, linkPath: string): Promise<void> {
    const account = await this.findByEmail(emailInput);
    if (!account || account.emailConfirmedAt || account.disabled) return;
    await this.transactions.run((tx) => this.sendEmailConfirmation(tx, account, linkPath));
  }

  /** Uses a confirmation token once. */
  async confirmEmail(token: string): Promise<Account> {
    return this.transactions.run(async (tx) => {
      const accountId = await this.consumeToken(tx.manager, token, 'confirm_email');
      // Refused: the whole transaction rolls back, the link stays unused.
      const refusal = await this.confirmationRefusal(tx.manager, accountId);
      if (refusal) throw new DomainError(ErrorCode.Conflict, refusal);
      await tx.manager.query(`UPDATE accounts SET email_confirmed_at = coalesce(email_confirmed_at, now()) WHERE id = $1`, [accountId]);
      return tx.manager.getRepository(Account).findOneByOrFail({ id: accountId });
    });
  }

  /** Mails a reset link when the account exists; answers the same either way. */
  async requestPasswordReset(emailInput: string, linkPath: string): Promise<void> {
    const account = await this.findByEmail(emailInput);
    if (!account || account.disabled) return;
    await this.transactions.run(async (tx) => {
      const token = await this.issueToken(tx.manager, account.id, 'reset_password', RESET_TTL_MINUTES);
      await this.outbox.send(tx, passwordResetMail, {
        recipient: account.email,
        locale: account.locale,
        params: { displayName: account.displayName, resetUrl: this.link(linkPath, token), expiresInMinutes: RESET_TTL_MINUTES },
      });
    });
  }

  /**
   * Sets a new password with a reset token, once. Every session of the account ends and every
   * other open reset link dies; following the link also proves the address.
   */
  async completePasswordReset(token: string, password: string): Promise<void> {
    AccountsService.checkPassword(password);
    const passwordHash = await hashPassword(password);
    await this.transactions.run(async (tx) => {
      const accountId = await this.consumeToken(tx.manager, token, 'reset_password');
      // The reset proves the address, which confirms it, unless a check refuses that (the password is set either way).
      const confirms = (await this.confirmationRefusal(tx.manager, accountId)) === undefined;
      await tx.manager.query(
        `UPDATE accounts SET password_hash = $2, email_confirmed_at = CASE WHEN $3 THEN coalesce(email_confirmed_at, now()) ELSE email_confirmed_at END WHERE id = $1`,
        [accountId, passwordHash, confirms],
      );
      await tx.manager.query(`UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountId]);
      await tx.manager.query(
        `UPDATE account_tokens SET used_at = now() WHERE account_id = $1 AND purpose = 'reset_password' AND used_at IS NULL`,
        [accountId],
      );
    });
  }

  /** Registers a check run before any email confirmation (see EmailConfirmationCheck). */
  beforeEmailConfirmed(check: EmailConfirmationCheck): void {
    this.confirmationChecks.push(check);
  }

  private async confirmationRefusal(manager: EntityManager, accountId: string): Promise<string | undefined> {
    for (const check of this.confirmationChecks) {
      const refusal = await check(manager, accountId);
      if (refusal) return refusal;
    }
    return undefined;
  }

  private findByEmail(emailInput: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOneBy({ email: emailInput.trim().toLowerCase() });
  }

  private async issueToken(manager: EntityManager, accountId: string, purpose: AccountTokenPurpose, ttlMinutes: number): Promise<string> {
    const token = newSecretToken();
    await manager.getRepository(AccountToken).insert({
      accountId, purpose, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + ttlMinutes * 60_000),
    });
    return token;
  }

  /** Marks the token used and answers its account; unknown, used and expired tokens are all 410. */
  private async consumeToken(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string> {
    const [rows] = await manager.query<[Array<{ accountId: string }>, number]>(
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING account_id AS "accountId"`,
      [sha256Hex(token), purpose],
    );
    if (rows.length === 0) {
      throw new DomainError(ErrorCode.InvalidToken, 'This link has expired or was already used: ask for a new one.');
    }
    return rows[0].accountId;
  }

  private link(path: string, token: string): string {
    return `${this.config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
