import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';

export const ATTENDEE_KINDS = ['trade_visitor', 'buyer', 'press'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

/**
 * A visitor registered for one edition: trade visitor, buyer or press. One registration per
 * email and edition. The private link's token is never stored, only its SHA-256; the badge code
 * (printed as a QR code) carries no personal data.
 */
@Entity('attendees')
@Index('attendees_edition_email_key', ['editionId', 'email'], { unique: true })
@Index('attendees_edition_badge_key', ['editionId', 'badgeCode'], { unique: true })
@Index('attendees_access_token_hash_key', ['accessTokenHash'], { unique: true })
@Index('attendees_itinerary_dirty_idx', ['itineraryDirtySince'], { where: 'itinerary_dirty_since IS NOT NULL' })
@Check('attendees_kind_check', `kind IN ('trade_visitor','buyer','press')`)
@Check('attendees_locale_check', `locale IN ('ko','en')`)
@Check('attendees_email_lower_check', `email = lower(email)`)
@Check('attendees_badge_code_check', `badge_code ~ '^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$'`)
@Check('attendees_days_check', `array_to_string(days, ',') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(,[0-9]{4}-[0-9]{2}-[0-9]{2})*$'`)
export class Attendee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text' })
  name: string;

  /** Lower case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  company: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text' })
  kind: AttendeeKind;

  /** The days of the edition the visitor comes, ascending, as YYYY-MM-DD text (no time zone shifts). */
  @Column({ type: 'text', array: true })
  days: string[];

  /** Language of the page and of every email. */
  @Column({ type: 'text' })
  locale: 'ko' | 'en';

  /** Agreed to receive messages (itinerary, reminders) about this edition. */
  @Column({ type: 'boolean' })
  consentMessages: boolean;

  /** Agreed that exhibitors who scan the badge see name, email and company. */
  @Column({ type: 'boolean' })
  consentShareContact: boolean;

  /** `FG-XXXX-XXXX`, unique per edition: what the badge's QR code encodes. */
  @Column({ type: 'text' })
  badgeCode: string;

  /** SHA-256 (hex) of the private link's token; a new link replaces it. */
  @Column({ type: 'char', length: 64 })
  accessTokenHash: string;

  @Column({ type: 'timestamptz' })
  linkSentAt: Date;

  /** Set when the visitor first followed the link and pressed “Confirm”. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /**
   * Set (to now) by every change the itinerary shows; a sweeper composes and sends it once the
   * changes have been quiet for the debounce time, so a burst of changes gives one email.
   */
  @Column({ type: 'timestamptz', nullable: true })
  itineraryDirtySince: Date | null;

  /**
   * Bumped by every mark; the sweeper clears the mark only if the count is still the one it claimed
   * (compared in SQL: a timestamp read into a JavaScript Date loses its microseconds).
   */
  @Column({ type: 'integer', default: 0 })
  itineraryDirtyVersion: number;

  /** When set, the next itinerary is a full one sent as part of this bulk batch. */
  @Column({ type: 'uuid', nullable: true })
  itineraryBatchId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
