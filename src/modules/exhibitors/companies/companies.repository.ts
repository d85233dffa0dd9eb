import { Injectable } from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { CompanyInvitation } from '../entities/company-invitation.entity';
import { CompanyMember } from '../entities/company-member.entity';
import { Company } from '../entities/company.entity';
import type { CompanyIdentifierKind } from '../domain/company-identifier';

export interface MemberRow {
  accountId: string;
  email: string;
  displayName: string;
  role: 'owner' | 'member';
  joinedAt: Date;
}

/** Every query of companies, their members and invitations. */
@Injectable()
export class CompaniesRepository {
  async findCompanyIdOfAccount(manager: EntityManager, accountId: string): Promise<string | undefined> {
    const member = await manager.getRepository(CompanyMember).findOne({ where: { accountId }, select: { companyId: true } });
    return member?.companyId;
  }

  findCompany(manager: EntityManager, id: string): Promise<Company | null> {
    return manager.getRepository(Company).findOneBy({ id });
  }

  /** The confirmed company holding this identifier (unconfirmed sign-ups hold nothing). */
  findConfirmedCompanyId(manager: EntityManager, country: string, identity: { kind: CompanyIdentifierKind; identifier: string }): Promise<Company | null> {
    const identifier = identity.kind === 'kr-brn'
      ? { businessRegistrationNumber: identity.identifier }
      : { country, identifierKind: identity.kind, identifier: identity.identifier };
    return manager.getRepository(Company).findOne({ where: { ...identifier, confirmedAt: Not(IsNull()) }, select: { id: true } });
  }

  insertCompany(manager: EntityManager, company: Omit<Company, 'id' | 'createdAt' | 'updatedAt'>): Promise<Company> {
    const repo = manager.getRepository(Company);
    return repo.save(repo.create(company));
  }

  async updateCompany(manager: EntityManager, id: string, changes: Partial<Pick<Company, 'name' | 'alternateName' | 'address' | 'website' | 'locale'>>): Promise<void> {
    await manager.getRepository(Company).update({ id }, changes);
  }

  async insertMember(manager: EntityManager, member: Omit<CompanyMember, 'createdAt'>): Promise<void> {
    await manager.getRepository(CompanyMember).insert(member);
  }

  listMembers(manager: EntityManager, companyId: string): Promise<MemberRow[]> {
    return manager.query(
      `SELECT m.account_id AS "accountId", a.email, a.display_name AS "displayName", m.role, m.created_at AS "joinedAt"
         FROM company_members m JOIN accounts a ON a.id = m.account_id
        WHERE m.company_id = $1 ORDER BY m.created_at`,
      [companyId],
    );
  }

  /** Recipients of a company's notices: its members' confirmed addresses. */
  async memberEmails(manager: EntityManager, companyId: string): Promise<string[]> {
    const rows: Array<{ email: string }> = await manager.query(
      `SELECT a.email FROM company_members m JOIN accounts a ON a.id = m.account_id
        WHERE m.company_id = $1 AND a.email_confirmed_at IS NOT NULL AND NOT a.disabled ORDER BY m.created_at`,
      [companyId],
    );
    return rows.map((r) => r.email);
  }

  insertInvitation(manager: EntityManager, invitation: Omit<CompanyInvitation, 'id' | 'createdAt' | 'acceptedAt'>): Promise<CompanyInvitation> {
    const repo = manager.getRepository(CompanyInvitation);
    return repo.save(repo.create({ ...invitation, acceptedAt: null }));
  }

  /** Marks an open invitation accepted, once; answers it, or undefined when unknown, used or expired. */
  async acceptInvitation(manager: EntityManager, tokenHash: string): Promise<CompanyInvitation | undefined> {
    const [rows] = await manager.query<[CompanyInvitation[], number]>(
      `UPDATE company_invitations SET accepted_at = now()
        WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()
        RETURNING id, company_id AS "companyId", email`,
      [tokenHash],
    );
    return rows[0];
  }

  listOpenInvitations(manager: EntityManager, companyId: string): Promise<Array<{ id: string; email: string; expiresAt: Date; createdAt: Date }>> {
    return manager.query(
      `SELECT id, email, expires_at AS "expiresAt", created_at AS "createdAt" FROM company_invitations
        WHERE company_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at`,
      [companyId],
    );
  }
}
