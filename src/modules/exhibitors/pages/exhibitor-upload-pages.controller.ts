import { Body, Controller, Param, ParseEnumPipe, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { MAX_UPLOAD_BYTES, type IncomingFile } from '../applications/uploads.service';
import { UPLOAD_KINDS, type UploadKind } from '../entities/exhibitor-upload.entity';
import { ExhibitorApplicationPages } from './exhibitor-application-pages.service';
import { ExhibitorPageSupport, uuid } from './exhibitor-page-support';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import { EmptyForm } from './exhibitor-pages.forms';

const kindPipe = new ParseEnumPipe(Object.fromEntries(UPLOAD_KINDS.map((k) => [k, k])));

/**
 * The logo and brochure uploads. Guards run before interceptors, so a CsrfGuard would see no
 * body yet: ExhibitorApplicationPages.upload checks the token after multer has read the fields.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseFilters(ExhibitorPageFilter)
export class ExhibitorUploadPagesController {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly pages: ExhibitorApplicationPages,
  ) {}

  @Post('applications/:application/upload/:kind')
  @Roles('exhibitor')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3 } }))
  async upload(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal,
    @Param('application', uuid) id: string, @Param('kind', kindPipe) kind: UploadKind,
    @Body() form: EmptyForm, @UploadedFile() file: IncomingFile | undefined,
  ): Promise<void> {
    this.support.answer(res, await this.pages.upload(this.support.bind(req, res), principal, id, kind, form, file));
  }
}
