import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExhibitorApplication } from './exhibitor-application.entity';

export const UPLOAD_KINDS = ['logo', 'brochure'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/**
 * A file attached to an application, its type decided by its content. Kept in PostgreSQL:
 * the files are small (a few MB at most) and then follow the application's transactions
 * and backups; object storage is the step up when they grow.
 */
@Entity('exhibitor_uploads')
@Index('exhibitor_uploads_application_kind_key', ['applicationId', 'kind'], { unique: true })
@Check('exhibitor_uploads_kind_check', `kind IN ('logo','brochure')`)
export class ExhibitorUpload {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ExhibitorApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ExhibitorApplication;

  @Column({ type: 'text' })
  kind: UploadKind;

  /** As sniffed from the bytes, never as the browser claimed. */
  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
