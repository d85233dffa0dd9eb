import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import { CompaniesService } from './companies.service';
import { CompanyMemberResponse, CompanyResponse, InvitationResponse, InviteDto, UpdateCompanyDto } from '../dto/company.dto';
import { Idempotent } from '../../../core/http/idempotency/idempotent.decorator';

/** The caller's own company and the people who share its account. */
@ApiTags('exhibitor company')
@ApiBearerAuth()
@Roles('exhibitor')
@ApiErrors(401, 403)
@Controller('company')
export class CompanyController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s company' })
  @ApiOkResponse({ type: CompanyResponse })
  get(@CurrentPrincipal() principal: Principal): Promise<CompanyResponse> {
    return this.companies.getOwn(principal);
  }

  @Patch()
  @ApiOperation({ summary: 'Change the company’s name, address, website or email language' })
  @ApiOkResponse({ type: CompanyResponse })
  @ApiErrors(400)
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateCompanyDto): Promise<CompanyResponse> {
    return this.companies.updateOwn(principal, body);
  }

  @Get('members')
  @ApiOperation({ summary: 'People who log in to this company' })
  @ApiOkResponse({ type: [CompanyMemberResponse] })
  members(@CurrentPrincipal() principal: Principal): Promise<CompanyMemberResponse[]> {
    return this.companies.listMembers(principal);
  }

  @Get('invitations')
  @ApiOperation({ summary: 'Invitations not yet accepted' })
  @ApiOkResponse({ type: [InvitationResponse] })
  invitations(@CurrentPrincipal() principal: Principal): Promise<InvitationResponse[]> {
    return this.companies.listInvitations(principal);
  }

  @Post('invitations')
  @Idempotent()
  @ApiOperation({ summary: 'Invite a colleague by email to share the company’s account' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiErrors(400, 409)
  invite(@CurrentPrincipal() principal: Principal, @Body() body: InviteDto): Promise<InvitationResponse> {
    return this.companies.invite(principal, body.email);
  }
}
