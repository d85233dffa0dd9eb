import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';

/** What an edition asks of exhibitors: the registration deadline and the booth tariff (KRW). */
@Entity('edition_exhibitor_terms')
@Check('edition_exhibitor_terms_amounts_check',
  `price_raw_space_krw >= 0 AND price_shell_scheme_krw >= 0 AND corner_surcharge_pct BETWEEN 0 AND 100
   AND island_surcharge_pct BETWEEN 0 AND 100 AND early_bird_discount_pct BETWEEN 0 AND 100 AND vat_pct BETWEEN 0 AND 100`)
@Check('edition_exhibitor_terms_billing_check',
  `deposit_pct BETWEEN 0 AND 100 AND deposit_due_days >= 0 AND refund_before_pct BETWEEN 0 AND 100 AND refund_after_pct BETWEEN 0 AND 100`)
export class EditionExhibitorTerms {
  @PrimaryColumn({ type: 'uuid' })
  editionId: string;

  @OneToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  /** After this instant exhibitors can no longer submit or cancel. */
  @Column({ type: 'timestamptz' })
  registrationDeadline: Date;

  /** Last Seoul calendar day of the early-bird price, inclusive. */
  @Column({ type: 'date', nullable: true })
  earlyBirdUntil: string | null;

  @Column({ type: 'int' })
  priceRawSpaceKrw: number;

  @Column({ type: 'int' })
  priceShellSchemeKrw: number;

  @Column({ type: 'int' })
  cornerSurchargePct: number;

  @Column({ type: 'int' })
  islandSurchargePct: number;

  @Column({ type: 'int' })
  earlyBirdDiscountPct: number;

  @Column({ type: 'int', default: 10 })
  vatPct: number;

  /** Share of the total due as a deposit (계약금), 0 = none. */
  @Column({ type: 'int', default: 30 })
  depositPct: number;

  /** The deposit is due this many days after the invoice is issued. */
  @Column({ type: 'int', default: 14 })
  depositDueDays: number;

  /** The balance (잔금) is due on this Seoul day; null = 30 days before the edition opens. */
  @Column({ type: 'date', nullable: true })
  balanceDueOn: string | null;

  /** Cancellation: a cancellation on or before this Seoul day gets refund_before_pct of what was paid back, later ones refund_after_pct. */
  @Column({ type: 'date', nullable: true })
  refundCutoffOn: string | null;

  @Column({ type: 'int', default: 50 })
  refundBeforePct: number;

  @Column({ type: 'int', default: 0 })
  refundAfterPct: number;
}
