import { Public } from '../../core/auth/roles.decorator';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator';
import { ErrorResponse } from '../../core/http/error-response.dto';
import { CreateEditionDto } from './dto/edition.dto';
import { EditionResponse } from './dto/edition.response';
import { EditionsService } from './editions.service';
import { FairSeriesResponse } from './dto/fair.response';
import { FairsService } from './fairs.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

@ApiTags('fairs')
@Controller('fairs')
export class FairsController {
  constructor(
    private readonly fairs: FairsService,
    private readonly editions: EditionsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The fair series with their public editions and product categories' })
  @ApiOkResponse({ type: [FairSeriesResponse] })
  list(): Promise<FairSeriesResponse[]> {
    return this.fairs.listFairs();
  }

  @Post(':series/editions')
  @StaffRoles({ scope: 'organization' })
  @Idempotent()
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a new edition of a fair series, as a draft' })
  @ApiCreatedResponse({ type: EditionResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The series already has an edition that year' })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  createEdition(@Param('series') series: string, @Body() body: CreateEditionDto): Promise<EditionResponse> {
    return this.editions.create(series, body);
  }
}
