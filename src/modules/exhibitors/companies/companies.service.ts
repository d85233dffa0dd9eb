import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsService, newSecretToken, sha256Hex } from '../../../core/auth/accounts.service';
import { invitationMail } from '../../../core/auth/mail/account-mails';
import type { Principal } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { PgError, pgCode, pgConstraint } from '../../../core/database/postgres-errors';
import { TransactionRunner } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { CompaniesRepository } from './companies.repository';
import { formatBusinessRegistrationNumber } from '../domain/business-registration-number';
import { checkCompanyIdentity, type CompanyIdentity, type CompanyIdentityInput } from '../domain/company-identity';
import { formatCompanyIdentifier, storedIdentifier } from '../domain/company-identifier';
import { alternateNameProblem } from '../domain/company-name';
import type {
  AcceptInvitationDto, CompanyMemberResponse, CompanyResponse, InvitationResponse, SignUpDto, SignUpResponse, UpdateCompanyDto,
} from '../dto/company.dto';
import type { Company } from '../entities/company.entity';
import { EXHIBITOR_LINKS } from './exhibitor-links';

const INVITATION_TTL_HOURS = 72;

/** Company o holds identifier $4 of kind $3 from country $2 (a 사업자등록번호 whatever the country, as its key). */
const SAME_IDENTIFIER = `(CASE WHEN $3 = 'kr-brn' THEN o.business_registration_number = $4
                              ELSE o.country = $2 AND o.identifier_kind = $3 AND o.identifier = $4 END)`;

export function toCompanyResponse(c: Company): CompanyResponse {
  return {
    id: c.id, name: c.name, alternateName: c.alternateName,
    businessRegistrationNumber: c.businessRegistrationNumber === null ? null : formatBusinessRegistrationNumber(c.businessRegistrationNumber),
    country: c.country, identifierKind: c.identifierKind, identifier: formatCompanyIdentifier(c.identifierKind, storedIdentifier(c)),
    address: c.address, website: c.website, language: c.locale,
  };
}

/**
 * The company's identity from a request the DTO already checked (domain/company-identity); a
 * request that slipped past it is refused the same way, field by field.
 */
export function requireCompanyIdentity(company: CompanyIdentityInput, path = 'company'): CompanyIdentity {
  const { problems, identity } = checkCompanyIdentity(company);
  const errors = Object.entries(problems).map(([field, message]) => ({ field: `${path}.${field}`, messages: [message.en] }));
  if (errors.length > 0 || !identity) throw DomainError.validation(errors.length > 0 ? errors : [{ field: `${path}.identifier`, messages: ['identifier is required'] }]);
  return identity;
}

/** Exhibitor companies: sign-up, the company's details, and the people who share its account. */
@Injectable()
export class CompaniesService implements OnModuleInit {
  private readonly logger = new Logger('companies');

  /**
   * Test-only: skipClaimGuard drops the advisory lock and the check that no confirmed company holds
   * the identifier, leaving the unique index alone (the race test's negative control drops that too).
   */
  static readonly testSwitches = { skipClaimGuard: false };

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountsService,
    private readonly companies: CompaniesRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.accounts.beforeEmailConfirmed((manager, accountId) => this.claimIdentifier(manager, accountId));
  }

  /**
   * A company and its first person (the owner), unconfirmed until the mailed link is followed.
   * A business number held by a CONFIRMED company is refused (colleagues join by invitation); an
   * unconfirmed sign-up with the number holds nothing, so nobody can block a company by signing up
   * with its number first. The number goes to the first claim confirmed (claimNumber).
   */
  async signUp(dto: SignUpDto): Promise<SignUpResponse> {
    AccountsService.checkPassword(dto.password);
    const identity = requireCompanyIdentity(dto.company);
    try {
      return await this.transactions.run(async (tx) => {
        if (await this.companies.findConfirmedCompanyId(tx.manager, dto.company.country, identity)) throw companyExists(identity);
        const account = await this.accounts.create(tx, {
          email: dto.email, password: dto.password, role: 'exhibitor', displayName: dto.displayName, locale: dto.language, emailConfirmed: false,
        });
        const company = await this.companies.insertCompany(tx.manager, {
          name: dto.company.name, alternateName: dto.company.alternateName ?? null, businessRegistrationNumber: identity.businessRegistrationNumber,
          identifierKind: identity.kind, identifier: identity.kind === 'kr-brn' ? null : identity.identifier, country: dto.company.country, address: dto.company.address,
          website: dto.company.website ?? null, locale: dto.language, confirmedAt: null,
        });
        await this.companies.insertMember(tx.manager, { accountId: account.id, companyId: company.id, role: 'owner' });
        await this.accounts.sendEmailConfirmation(tx, account, EXHIBITOR_LINKS.confirmEmail);
        return { accountId: account.id, company: toCompanyResponse(company), emailConfirmationSent: true };
      });
    } catch (error) {
      // Two sign-ups of one company racing: the unique index decides, the loser hears why.
      if (pgCode(error) === PgError.UniqueViolation && COMPANY_IDENTIFIER_KEYS.includes(pgConstraint(error) ?? '')) throw companyExists(identity);
      throw error;
    }
  }

  /**
   * Run when an account's email is about to be confirmed: the company it owns takes its identifier
   * (its 사업자등록번호, or its country's identifier), unless a confirmed company holds it already
   * (then the confirmation is refused and the account stays unconfirmed, so it can never log in to
   * act under that identifier). An advisory lock per identifier serialises concurrent
   * confirmations; the partial unique index companies_identifier_key is the backstop.
   */
  private async claimIdentifier(manager: EntityManager, accountId: string): Promise<string | undefined> {
    const [company] = await manager.query<Array<{ id: string; country: string; kind: string; identifier: string; confirmed: boolean }>>(
      `SELECT c.id, c.country, c.identifier_kind AS kind, coalesce(c.identifier, c.business_registration_number) AS identifier, c.confirmed_at IS NOT NULL AS confirmed
         FROM company_members m JOIN companies c ON c.id = m.company_id WHERE m.account_id = $1`,
      [accountId],
    );
    if (!company || company.confirmed) return undefined;
    const key = `${company.country}:${company.kind}:${company.identifier}`;
    if (!CompaniesService.testSwitches.skipClaimGuard) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('company-identifier:' || $1, 0))`, [key]);
    }
    const [claimed] = await manager.query<[Array<{ pending: number }>, number]>(
      `UPDATE companies SET confirmed_at = now()
        WHERE id = $1 AND confirmed_at IS NULL
          AND ($5 OR NOT EXISTS (SELECT 1 FROM companies o WHERE ${SAME_IDENTIFIER} AND o.confirmed_at IS NOT NULL))
        RETURNING (SELECT count(*)::int FROM companies o WHERE ${SAME_IDENTIFIER} AND o.id <> $1) AS pending`,
      [company.id, company.country, company.kind, company.identifier, CompaniesService.testSwitches.skipClaimGuard],
    );
    if (claimed.length === 0) {
      this.logger.warn({ companyId: company.id, accountId }, 'confirmation refused: a confirmed company already holds this identifier');
      return company.kind === 'kr-brn'
        ? 'A confirmed company already holds this business registration number: ask its people to invite you.'
        : 'A confirmed company already holds this company identifier: ask its people to invite you.';
    }
    // The audit trail of who took an identifier that others had signed up with too.
    if (claimed[0].pending > 0) this.logger.log({ companyId: company.id, accountId, otherUnconfirmedClaims: claimed[0].pending }, 'company identifier claimed by confirmation');
    return undefined;
  }

  /** The caller's company id; every exhibitor query is scoped by it. */
  async companyIdOf(principal: Principal): Promise<string> {
    const companyId = principal.role === 'exhibitor' ? await this.companies.findCompanyIdOfAccount(this.dataSource.manager, principal.accountId) : undefined;
    if (!companyId) throw new DomainError(ErrorCode.Forbidden, 'This account belongs to no exhibiting company.');
    return companyId;
  }

  async getOwn(principal: Principal): Promise<CompanyResponse> {
    const company = await this.companies.findCompany(this.dataSource.manager, await this.companyIdOf(principal));
    if (!company) throw new DomainError(ErrorCode.NotFound, 'No such company.');
    return toCompanyResponse(company);
  }

  async updateOwn(principal: Principal, dto: UpdateCompanyDto): Promise<CompanyResponse> {
    const companyId = await this.companyIdOf(principal);
    if (dto.name !== undefined || dto.alternateName !== undefined) {
      const current = await this.companies.findCompany(this.dataSource.manager, companyId);
      const name = dto.name ?? current?.name ?? '';
      const alternate = dto.alternateName !== undefined ? dto.alternateName : current?.alternateName;
      const problem = alternateNameProblem(name, alternate);
      if (problem) throw DomainError.validation([{ field: 'alternateName', messages: [problem.en] }]);
    }
    await this.companies.updateCompany(this.dataSource.manager, companyId, {
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.alternateName !== undefined && { alternateName: dto.alternateName || null }),
      ...(dto.address !== undefined && { address: dto.address }),
      ...(dto.website !== undefined && { website: dto.website || null }),
      ...(dto.language !== undefined && { locale: dto.language }),
    });
    return this.getOwn(principal);
  }

  async listMembers(principal: Principal): Promise<CompanyMemberResponse[]> {
    const rows = await this.companies.listMembers(this.dataSource.manager, await this.companyIdOf(principal));
    return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
  }

  async listInvitations(principal: Principal): Promise<InvitationResponse[]> {
    const rows = await this.companies.listOpenInvitations(this.dataSource.manager, await this.companyIdOf(principal));
    return rows.map((r) => ({ id: r.id, email: r.email, expiresAt: r.expiresAt.toISOString() }));
  }

  /** Mails a colleague a link to join the company's account. */
  async invite(principal: Principal, emailInput: string): Promise<InvitationResponse> {
    const companyId = await this.companyIdOf(principal);
    const email = emailInput.trim().toLowerCase();
    return this.transactions.run(async (tx) => {
      const company = await this.companies.findCompany(tx.manager, companyId);
      const taken: unknown[] = await tx.manager.query(`SELECT 1 FROM accounts WHERE email = $1`, [email]);
      if (taken.length > 0) {
        throw new DomainError(ErrorCode.Conflict, 'This address already has a Fairgate account.', { errors: [{ field: 'email', messages: ['email already has an account'] }] });
      }
      const token = newSecretToken();
      const invitation = await this.companies.insertInvitation(tx.manager, {
        companyId, email, invitedByAccountId: principal.accountId, tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_HOURS * 3600_000),
      });
      await this.outbox.send(tx, invitationMail, {
        recipient: email,
        locale: company?.locale ?? 'ko',
        params: {
          inviterName: principal.displayName, companyName: company?.name ?? '',
          acceptUrl: `${this.config.publicUrl}${EXHIBITOR_LINKS.joinCompany}?token=${token}`, expiresInHours: INVITATION_TTL_HOURS,
        },
      });
      return { id: invitation.id, email, expiresAt: invitation.expiresAt.toISOString() };
    });
  }

  /** Creates the invited person's account, confirmed (the link came to that address), as a member. */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<{ accountId: string; company: CompanyResponse }> {
    AccountsService.checkPassword(dto.password);
    return this.transactions.run(async (tx) => {
      const invitation = await this.companies.acceptInvitation(tx.manager, sha256Hex(dto.token));
      if (!invitation) throw new DomainError(ErrorCode.InvalidToken, 'This invitation has expired or was already used: ask for a new one.');
      const account = await this.accounts.create(tx, {
        email: invitation.email, password: dto.password, role: 'exhibitor', displayName: dto.displayName, locale: dto.language, emailConfirmed: true,
      });
      await this.companies.insertMember(tx.manager, { accountId: account.id, companyId: invitation.companyId, role: 'member' });
      const company = await this.companies.findCompany(tx.manager, invitation.companyId);
      if (!company) throw new DomainError(ErrorCode.NotFound, 'No such company.');
      return { accountId: account.id, company: toCompanyResponse(company) };
    });
  }
}

/** One confirmed company per 사업자등록번호, and per (country, identifier kind, identifier) elsewhere. */
const COMPANY_IDENTIFIER_KEYS = ['companies_brn_key', 'companies_identifier_key'];

function companyExists(identity: CompanyIdentity): DomainError {
  const korean = identity.kind === 'kr-brn';
  return new DomainError(ErrorCode.Conflict, `This ${korean ? 'business registration number' : 'company identifier'} already has a company account: ask a colleague to invite you.`, {
    errors: [{ field: korean ? 'company.businessRegistrationNumber' : 'company.identifier', messages: ['company already signed up; ask a colleague for an invitation'] }],
  });
}
