import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import { ApplicationReviewService, type OrganizerDecision } from './application-review.service';
import {
  ApplicationListQuery, ApplicationListResponse, ApplicationResponse, ApproveDto, BulkApproveDto, BulkApproveResponse, ReasonDto, StatusChangeResponse,
} from '../dto/application.dto';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Organizers review exhibitor applications: list, decide, export. */
@ApiTags('application review')
@ApiBearerAuth()
@Roles('organizer')
@StaffRoles('reviewer')
@ApiErrors(401, 403)
@Controller('organizer/applications')
export class ApplicationReviewController {
  constructor(private readonly review: ApplicationReviewService) {}

  @Get()
  @ApiOperation({ summary: 'Submitted applications with filters, search and sorting (drafts are not shown)' })
  @ApiOkResponse({ type: ApplicationListResponse })
  @ApiErrors(400)
  list(@Query() query: ApplicationListQuery, @CurrentPrincipal() principal: Principal): Promise<ApplicationListResponse> {
    return this.review.list(query, { orgAdmin: principal.orgAdmin, grants: principal.staffGrants });
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="applications.csv"')
  @ApiOperation({ summary: 'The same list as CSV (UTF-8 with BOM, opens in Excel with Korean intact)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  @ApiErrors(400)
  exportCsv(@Query() query: ApplicationListQuery, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.review.exportCsv(query, { orgAdmin: principal.orgAdmin, grants: principal.staffGrants });
  }

  @Post('bulk-approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve many at once, in submission order; those that do not fit their hall are waitlisted' })
  @ApiOkResponse({ type: BulkApproveResponse })
  @ApiErrors(400)
  bulkApprove(@CurrentPrincipal() principal: Principal, @Body() body: BulkApproveDto): Promise<BulkApproveResponse> {
    return this.review.bulkApprove(principal, body.ids);
  }

  @Get(':id')
  @StaffRoles('reviewer', { scope: 'application' })
  @ApiOperation({ summary: 'One application' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404)
  get(@Param('id', uuid) id: string): Promise<ApplicationResponse> {
    return this.review.get(id);
  }

  @Get(':id/history')
  @StaffRoles('reviewer', { scope: 'application' })
  @ApiOperation({ summary: 'Every status change: who, when, why' })
  @ApiOkResponse({ type: [StatusChangeResponse] })
  @ApiErrors(400, 404)
  history(@Param('id', uuid) id: string): Promise<StatusChangeResponse[]> {
    return this.review.history(id);
  }

  @Post(':id/start-review')
  @StaffRoles('reviewer', { scope: 'application' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark as under review' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  startReview(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<ApplicationResponse> {
    return this.decide(p, id, 'start_review', null);
  }

  @Post(':id/approve')
  @StaffRoles('reviewer', { scope: 'application' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve: takes booth units from the hall, or waitlists when it is full' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  approve(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: ApproveDto): Promise<ApplicationResponse> {
    return this.review.decide(p, id, 'approve', null, body.hall);
  }

  @Post(':id/waitlist')
  @StaffRoles('reviewer', { scope: 'application' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Put on the waitlist (reason required)' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  waitlist(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ApplicationResponse> {
    return this.decide(p, id, 'waitlist', body.reason ?? null);
  }

  @Post(':id/reject')
  @StaffRoles('reviewer', { scope: 'application' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject (reason required, shown to the exhibitor)' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  reject(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ApplicationResponse> {
    return this.decide(p, id, 'reject', body.reason ?? null);
  }

  @Post(':id/request-changes')
  @StaffRoles('reviewer', { scope: 'application' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Send back to the exhibitor for changes (reason required)' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 404, 409)
  requestChanges(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ApplicationResponse> {
    return this.decide(p, id, 'request_changes', body.reason ?? null);
  }

  private decide(p: Principal, id: string, action: OrganizerDecision, reason: string | null): Promise<ApplicationResponse> {
    return this.review.decide(p, id, action, reason);
  }
}
