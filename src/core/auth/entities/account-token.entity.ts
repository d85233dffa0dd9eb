import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';

export const ACCOUNT_TOKEN_PURPOSES = ['confirm_email', 'reset_password', 'staff_invite'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * A single-use secret mailed to an account's owner. Only its SHA-256 is stored, so a leaked
 * table does not let anyone confirm or reset; `used_at` makes the second use fail.
 */
@Entity('account_tokens')
@Index('account_tokens_token_hash_key', ['tokenHash'], { unique: true })
@Index('account_tokens_account_idx', ['accountId'])
@Check('account_tokens_purpose_check', `purpose IN ('confirm_email','reset_password','staff_invite')`)
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'text' })
  purpose: AccountTokenPurpose;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
