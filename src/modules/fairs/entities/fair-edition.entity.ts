import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Venue } from '../../venue/entities/venue.entity';
import { FairSeries } from './fair-series.entity';

export const EDITION_STATUSES = ['draft', 'published', 'registration_open', 'registration_closed', 'finished'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** One year's fair of a series, held at a venue on consecutive days. */
@Entity('fair_editions')
@Index('fair_editions_series_year_key', ['seriesId', 'year'], { unique: true })
@Check('fair_editions_dates_check', `ends_on >= starts_on`)
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
