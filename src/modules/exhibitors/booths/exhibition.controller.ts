import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import { BoothsService } from './booths.service';
import { ApplicationResponse } from '../dto/application.dto';
import { AssignBoothsDto, AutoAssignResponse, BoothResponse, ExhibitionResponse, ExhibitionTermsDto, GenerateBoothPlanDto } from '../dto/booth.dto';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

const uuid = new ParseUUIDPipe({ version: '4' });

/** An edition's exhibition: terms and halls (public), booth plans and assignment (organizers). */
@ApiTags('exhibition')
@Controller()
export class ExhibitionController {
  constructor(private readonly booths: BoothsService) {}

  @Get('editions/:edition/exhibition')
  @Public()
  @ApiOperation({ summary: 'Registration deadline, booth tariff and the halls with the room left in each' })
  @ApiOkResponse({ type: ExhibitionResponse })
  @ApiErrors(404)
  exhibition(@Param('edition') edition: string): Promise<ExhibitionResponse> {
    return this.booths.exhibition(edition);
  }

  @Put('editions/:edition/exhibition')
  @StaffRoles('admin')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Set the deadline, tariff and hall capacities',
    description: 'Each hall is booked at the venue for the edition days with build-up and tear-down; a hall another edition holds then is a 409 naming it. A capacity above the booths the space holds is a 400.',
  })
  @ApiOkResponse({ type: ExhibitionResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  setTerms(@Param('edition') edition: string, @Body() body: ExhibitionTermsDto): Promise<ExhibitionResponse> {
    return this.booths.setTerms(edition, body);
  }

  @Get('editions/:edition/booths')
  @StaffRoles('reviewer')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The booth plan with who has each booth' })
  @ApiOkResponse({ type: [BoothResponse] })
  @ApiErrors(401, 403, 404)
  list(@Param('edition') edition: string): Promise<BoothResponse[]> {
    return this.booths.list(edition);
  }

  @Post('editions/:edition/booths/generate')
  @StaffRoles('reviewer')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a standard grid of booths to a hall (existing codes are kept)' })
  @ApiCreatedResponse({ description: '{ created: number }' })
  @ApiErrors(400, 401, 403, 404)
  generate(@Param('edition') edition: string, @Body() body: GenerateBoothPlanDto): Promise<{ created: number }> {
    return this.booths.generatePlan(edition, body);
  }

  @Post('editions/:edition/booths/auto-assign')
  @StaffRoles('reviewer')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Give booths to every approved application without any, by preference and size' })
  @ApiOkResponse({ type: AutoAssignResponse })
  @ApiErrors(401, 403, 404)
  autoAssign(@CurrentPrincipal() p: Principal, @Param('edition') edition: string): Promise<AutoAssignResponse> {
    return this.booths.autoAssign(p, edition);
  }

  @Put('organizer/applications/:id/booths')
  @StaffRoles('reviewer', { scope: 'application' })
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Assign these booths to an approved application (replacing its booths)' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  assign(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: AssignBoothsDto): Promise<ApplicationResponse> {
    return this.booths.assign(p, id, body.booths);
  }
}
