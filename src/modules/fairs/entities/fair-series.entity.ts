import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A recurring fair, e.g. the International Green Car Industry Fair. */
@Entity('fair_series')
export class FairSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable natural key used in URLs, e.g. `green-car`. */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  nameKo: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  sector: string;

  @Column({ type: 'text' })
  descriptionKo: string;

  @Column({ type: 'text' })
  descriptionEn: string;

  /** Which of the above are assumed (e.g. a Korean name translated by us), not from a source. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  assumedFields: string[];
}
