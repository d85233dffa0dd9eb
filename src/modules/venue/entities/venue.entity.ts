import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';

@Entity('venues')
export class Venue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable natural key, e.g. `kdj-center`. */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  nameKo: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  addressKo: string;

  @Column({ type: 'text' })
  addressEn: string;

  /** IANA zone the venue's times are shown in. */
  @Column({ type: 'text', default: DEFAULT_TIME_ZONE })
  timezone: string;

  /** Daily opening hours, local time; bookings (setup and teardown included) stay inside them. */
  @Column({ type: 'time', default: '07:00:00' })
  opensAt: string;

  @Column({ type: 'time', default: '23:00:00' })
  closesAt: string;
}
