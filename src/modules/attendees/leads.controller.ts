import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../core/auth/principal';
import { Roles } from '../../core/auth/roles.decorator';
import { ApiErrors } from '../../core/http/api-errors.decorator';
import { LeadResponse, LeadsQuery, ScanBadgeDto } from './dto/lead.dto';
import { LeadsService } from './leads.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';

/**
 * Visitor badges an exhibiting company scanned at its booth: only its own, only what visitors agreed to share.
 * Under /api/company like the rest of an exhibitor's JSON API (paths under /exhibitor are its pages).
 */
@ApiTags('exhibitor leads')
@Controller('company')
@Roles('exhibitor')
@ApiErrors(401, 403)
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post('leads')
  @Idempotent()
  @Roles('exhibitor')
  @ApiOperation({ summary: 'Record a scanned badge (201), or update the note of one scanned before (200)' })
  @ApiOkResponse({ type: LeadResponse })
  @ApiErrors(400, 404)
  async scan(@CurrentPrincipal() principal: Principal, @Body() body: ScanBadgeDto, @Res({ passthrough: true }) res: Response): Promise<LeadResponse> {
    const { lead, created } = await this.leads.scan(principal, body);
    res.status(created ? 201 : 200);
    return lead;
  }

  @Get('leads')
  @Roles('exhibitor')
  @ApiOperation({ summary: "My company's leads at an edition, in scan order" })
  @ApiOkResponse({ type: [LeadResponse] })
  @ApiErrors(400, 404)
  list(@CurrentPrincipal() principal: Principal, @Query() query: LeadsQuery): Promise<LeadResponse[]> {
    return this.leads.list(principal, query.edition);
  }

  @Get('leads.csv')
  @Roles('exhibitor')
  @ApiOkResponse({ description: 'CSV file' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="leads.csv"')
  @ApiOperation({ summary: 'The same list as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  @ApiErrors(400, 404)
  csv(@CurrentPrincipal() principal: Principal, @Query() query: LeadsQuery): Promise<string> {
    return this.leads.csv(principal, query.edition);
  }

  @Get('leads/:id')
  @Roles('exhibitor')
  @ApiOperation({ summary: 'One lead my company scanned at its booth' })
  @ApiOkResponse({ type: LeadResponse })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<LeadResponse> {
    return this.leads.get(principal, id);
  }

  @Delete('leads/:id')
  @Roles('exhibitor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one lead of my company' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.leads.remove(principal, id);
  }
}
