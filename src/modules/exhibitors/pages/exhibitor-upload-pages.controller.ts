import { Body, Controller, Param, ParseEnumPipe, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CsrfRejected, sessionBinding, verifyCsrfToken } from '../../../core/web/csrf';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { FairsService } from '../../fairs/fairs.service';
import { CompanyApplicationsService } from '../applications/company-applications.service';
import { MAX_UPLOAD_BYTES, UploadsService, type IncomingFile } from '../applications/uploads.service';
import { BoothsService } from '../booths/booths.service';
import { CompaniesService } from '../companies/companies.service';
import { UPLOAD_KINDS, type UploadKind } from '../entities/exhibitor-upload.entity';
import { ExhibitorPagesBase, uuid } from './exhibitor-page-base';
import { pageContext, withLang } from './exhibitor-pages.context';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import { EmptyForm } from './exhibitor-pages.forms';
import { PAGES } from './exhibitor-pages.view';

const kindPipe = new ParseEnumPipe(Object.fromEntries(UPLOAD_KINDS.map((k) => [k, k])));

/**
 * The logo and brochure uploads. Guards run before interceptors, so a CsrfGuard would see no
 * body yet: the token is checked here, after multer has read the multipart fields.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseFilters(ExhibitorPageFilter)
export class ExhibitorUploadPagesController extends ExhibitorPagesBase {
  constructor(
    fairs: FairsService,
    booths: BoothsService,
    companies: CompaniesService,
    applications: CompanyApplicationsService,
    config: AppConfig,
    private readonly uploads: UploadsService,
  ) {
    super(fairs, booths, companies, applications, config);
  }

  @Post('applications/:application/upload/:kind')
  @Roles('exhibitor')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3 } }))
  async upload(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal,
    @Param('application', uuid) id: string, @Param('kind', kindPipe) kind: UploadKind,
    @Body() form: EmptyForm, @UploadedFile() file: IncomingFile | undefined,
  ): Promise<void> {
    if (!verifyCsrfToken(this.config.appSecret, sessionBinding(principal.sessionId), form._csrf)) throw new CsrfRejected();
    try {
      await this.uploads.put(principal, id, kind, file);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const t = pageContext(req, this.config, withLang(req)).t;
      const text = ({
        [ErrorCode.ValidationFailed]: t('badFile'), [ErrorCode.UnsupportedMediaType]: t('badFileType'),
        [ErrorCode.PayloadTooLarge]: t('fileTooLarge'), [ErrorCode.IllegalTransition]: t('notAllowed'),
      } as Partial<Record<ErrorCode, string>>)[error.code];
      if (!text) throw error;
      return this.uploadFailed(req, res, principal, id, { kind, text }, error.status);
    }
    redirectTo(res, `${PAGES.application(id)}?flash=uploaded`);
  }

  /** The status page again, with why the file was refused next to its field. */
  private async uploadFailed(req: AuthenticatedRequest, res: Response, principal: Principal, id: string, uploadError: { kind: UploadKind; text: string }, status: number): Promise<void> {
    sendPage(res, status, await this.applicationModelPage(this.ctx(req), principal, id, { uploadError }));
  }
}
