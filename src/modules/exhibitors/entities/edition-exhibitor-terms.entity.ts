import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';

/** What an edition asks of exhibitors: the registration deadline and the booth tariff (KRW). */
@Entity('edition_exhibitor_terms')
@Check('edition_exhibitor_terms_amounts_check',
  `price_raw_space_krw >= 0 AND price_shell_scheme_krw >= 0 AND corner_surcharge_pct BETWEEN 0 AND 100
   AND island_surcharge_pct BETWEEN 0 AND 100 AND early_bird_discount_pct BETWEEN 0 AND 100 AND vat_pct BETWEEN 0 AND 100`)
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
}
