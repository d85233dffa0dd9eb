import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Venue } from '../../venue/entities/venue.entity';
import { FairSeries } from './fair-series.entity';

export const EDITION_STATUSES = ['draft', 'published', 'registration_open', 'registration_closed', 'finished'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** One year's fair of a series, held at a venue on consecutive days. */
@Entity('fair_editions')
@Index('fair_editions_series_year_key', ['seriesId', 'year'], { unique: true })
@Check('fair_editions_dates_check', `ends_on >= starts_on`)
@Check('fair_editions_build_days_check', `build_up_days BETWEEN 0 AND 7 AND tear_down_days BETWEEN 0 AND 7`)
@Check('fair_editions_status_check', `status IN ('draft','published','registration_open','registration_closed','finished')`)
export class FairEdition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable natural key used in URLs, e.g. `green-car-2027`. */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'uuid' })
  seriesId: string;

  @ManyToOne(() => FairSeries, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'series_id' })
  series?: FairSeries;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid' })
  venueId: string;

  /** Days before startsOn the halls are held for building the stands (they are booked with the edition). */
  @Column({ type: 'int', default: 2 })
  buildUpDays: number;

  /** Days after endsOn the halls are held for taking the stands down. */
  @Column({ type: 'int', default: 1 })
  tearDownDays: number;

  @ManyToOne(() => Venue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id' })
  venue?: Venue;

  @Column({ type: 'text', default: 'draft' })
  status: EditionStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  assumedFields: string[];

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
