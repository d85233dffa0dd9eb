import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CompanyApplicationsService } from './company-applications.service';
import { sniffFileType, type SniffedType } from '../domain/file-signature';
import { ExhibitorUpload, type UploadKind } from '../entities/exhibitor-upload.entity';

export interface IncomingFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** What each kind of file may be: types decided by the bytes, and a size limit. */
export const UPLOAD_RULES: Record<UploadKind, { types: SniffedType[]; maxBytes: number; label: string }> = {
  logo: { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 2 * 1024 * 1024, label: 'a PNG, JPEG or WebP image' },
  brochure: { types: ['application/pdf'], maxBytes: 10 * 1024 * 1024, label: 'a PDF document' },
};

/** The largest file any kind accepts: the multipart parser stops reading past it (413). */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_RULES).map((r) => r.maxBytes));

/** The company logo and brochure attached to an application. */
@Injectable()
export class UploadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ownApplications: CompanyApplicationsService,
  ) {}

  async put(principal: Principal, applicationId: string, kind: UploadKind, file: IncomingFile | undefined): Promise<{ kind: UploadKind; contentType: string; sizeBytes: number }> {
    const application = await this.ownApplications.own(principal, applicationId);
    if (['rejected', 'cancelled'].includes(application.status)) {
      throw new DomainError(ErrorCode.IllegalTransition, `Files can no longer be changed on an application that is ${application.status}.`);
    }
    if (!file || file.size === 0) throw DomainError.validation([{ field: 'file', messages: ['send the file in the multipart field "file"'] }]);
    const rule = UPLOAD_RULES[kind];
    if (file.size > rule.maxBytes) {
      throw new DomainError(ErrorCode.PayloadTooLarge, `The ${kind} may be at most ${rule.maxBytes / 1024 / 1024} MB.`, { field: 'file', maxBytes: rule.maxBytes });
    }
    const type = sniffFileType(file.buffer);
    if (!type || !rule.types.includes(type)) {
      throw new DomainError(ErrorCode.UnsupportedMediaType, `The ${kind} must be ${rule.label}; this file's content is not (its name does not matter).`, { field: 'file' });
    }
    const row = {
      applicationId, kind, contentType: type, sizeBytes: file.size, sha256: createHash('sha256').update(file.buffer).digest('hex'),
      fileName: safeFileName(file.originalname, kind, type), content: file.buffer,
    };
    await this.dataSource.createQueryBuilder().insert().into(ExhibitorUpload).values(row)
      .orUpdate(['content_type', 'size_bytes', 'sha256', 'file_name', 'content', 'created_at'], ['application_id', 'kind']).execute();
    return { kind, contentType: type, sizeBytes: file.size };
  }

  /** The file, for its owner company or an organizer. */
  async get(principal: Principal, applicationId: string, kind: UploadKind): Promise<{ content: Buffer; contentType: string; fileName: string }> {
    if (principal.role !== 'organizer') await this.ownApplications.own(principal, applicationId);
    const upload = await this.dataSource.getRepository(ExhibitorUpload).findOne({
      where: { applicationId, kind },
      select: { content: true, contentType: true, fileName: true },
    });
    if (!upload?.content) throw new DomainError(ErrorCode.NotFound, `No ${kind} on this application.`);
    return { content: upload.content, contentType: upload.contentType, fileName: upload.fileName };
  }
}

/** A download name from the upload's, reduced to safe characters, with the extension of its real type. */
function safeFileName(original: string, kind: UploadKind, type: SniffedType): string {
  const ext = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' }[type];
  const base = original.replace(/\.[^.]*$/, '').normalize('NFC').replace(/[^\p{L}\p{N}_ -]/gu, '').trim().slice(0, 80);
  return `${base || kind}.${ext}`;
}
