import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../../../core/auth/entities/account.entity';
import { Company } from './company.entity';

/** An exhibitor account belongs to exactly one company; the one who signed up is its owner. */
@Entity('company_members')
@Index('company_members_company_idx', ['companyId'])
@Check('company_members_role_check', `role IN ('owner','member')`)
export class CompanyMember {
  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'text' })
  role: 'owner' | 'member';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
