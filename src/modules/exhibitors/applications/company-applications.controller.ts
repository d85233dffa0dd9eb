import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, ParseUUIDPipe, Patch, Post, Put, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import { CompanyApplicationsService } from './company-applications.service';
import { ApplicationFormDto, ApplicationResponse, CreateApplicationDto, ReasonDto, StatusChangeResponse } from '../dto/application.dto';
import { UPLOAD_KINDS, type UploadKind } from '../entities/exhibitor-upload.entity';
import { MAX_UPLOAD_BYTES, UploadsService, type IncomingFile } from './uploads.service';
import { Idempotent } from '../../../core/http/idempotency/idempotent.decorator';

const uuid = new ParseUUIDPipe({ version: '4' });
const kindPipe = new ParseEnumPipe(Object.fromEntries(UPLOAD_KINDS.map((k) => [k, k])));

/** An exhibitor's own applications: drafts, submission, cancellation, files. Others' ids answer 404. */
@ApiTags('exhibitor applications')
@ApiBearerAuth()
@Roles('exhibitor')
@ApiErrors(401, 403)
@Controller('company/applications')
export class CompanyApplicationsController {
  constructor(
    private readonly applications: CompanyApplicationsService,
    private readonly uploads: UploadsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The company’s applications, newest first' })
  @ApiOkResponse({ type: [ApplicationResponse] })
  list(@CurrentPrincipal() principal: Principal): Promise<ApplicationResponse[]> {
    return this.applications.list(principal);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Start an application to an edition (a draft, or submitted with submit: true)' })
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409, 413)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApplicationDto): Promise<ApplicationResponse> {
    return this.applications.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One application with its booths, fee and the actions open to the caller' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string): Promise<ApplicationResponse> {
    return this.applications.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft, or an application sent back for changes' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  update(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() body: ApplicationFormDto): Promise<ApplicationResponse> {
    return this.applications.update(principal, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit for review (before the registration deadline)' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  submit(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string): Promise<ApplicationResponse> {
    return this.applications.submit(principal, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw (before the registration deadline); approved booths go to the waitlist' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ApplicationResponse> {
    return this.applications.cancel(principal, id, body.reason ?? null);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every status change: who, when, why' })
  @ApiOkResponse({ type: [StatusChangeResponse] })
  @ApiErrors(400, 404)
  history(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string): Promise<StatusChangeResponse[]> {
    return this.applications.history(principal, id);
  }

  @Put(':id/files/:kind')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } }))
  @ApiOperation({ summary: 'Attach the company logo (PNG, JPEG, WebP ≤ 2 MB) or brochure (PDF ≤ 10 MB); the type is read from the content' })
  @ApiConsumes('multipart/form-data')
  @ApiParam({ name: 'kind', enum: UPLOAD_KINDS })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ description: 'Stored' })
  @ApiErrors(400, 404, 409, 413, 415)
  putFile(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('kind', kindPipe) kind: UploadKind,
    @UploadedFile() file: IncomingFile | undefined,
  ): Promise<{ kind: UploadKind; contentType: string; sizeBytes: number }> {
    return this.uploads.put(principal, id, kind, file);
  }

  @Get(':id/files/:kind')
  @ApiOperation({ summary: 'Download the logo or brochure' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'application/pdf')
  @ApiParam({ name: 'kind', enum: UPLOAD_KINDS })
  @ApiOkResponse({ description: 'The file' })
  @ApiErrors(400, 404)
  async getFile(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('kind', kindPipe) kind: UploadKind,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.uploads.get(principal, id, kind);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return new StreamableFile(file.content, { type: file.contentType });
  }
}
