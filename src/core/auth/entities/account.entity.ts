import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['organizer', 'exhibitor', 'buyer', 'attendee'] as const;
export type Role = (typeof ROLES)[number];

/** Someone who can log in. Organizers now; exhibitors, buyers and attendees join the same table later. */
@Entity('accounts')
@Index('accounts_email_key', ['email'], { unique: true })
@Check('accounts_email_lower_check', `email = lower(email)`)
@Check('accounts_role_check', `role IN ('organizer','exhibitor','buyer','attendee')`)
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique regardless of case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'en' })
  locale: 'ko' | 'en';

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
