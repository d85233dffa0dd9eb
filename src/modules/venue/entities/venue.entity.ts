import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
  @Column({ type: 'text', default: 'Asia/Seoul' })
  timezone: string;
}
