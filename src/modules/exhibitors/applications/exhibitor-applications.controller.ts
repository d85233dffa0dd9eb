import { Public } from '../../../core/auth/roles.decorator';
import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation,
  ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '../../../core/http/error-response.dto';
import { Idempotent } from '../../../core/http/idempotency/idempotent.decorator';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { ExhibitorApplicationResponse } from '../dto/exhibitor-application.response';
import { RegisterExhibitorDto } from '../dto/register-exhibitor.dto';
import { ExhibitorApplicationsService } from './exhibitor-applications.service';

@ApiTags('exhibitors')
@Controller('editions/:edition/exhibitor-applications')
export class ExhibitorApplicationsController {
  constructor(private readonly applications: ExhibitorApplicationsService) {}

  @Post()
  @Idempotent()
  @Public()
  @RateLimit({ bucket: 'exhibitor-application', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })
  @ApiOperation({ summary: 'Apply to exhibit at a fair edition', description: 'Stores the application and queues the confirmation email.' })
  @ApiCreatedResponse({ type: ExhibitorApplicationResponse, description: 'Stored; replays carry the header Idempotent-Replayed: true' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields (errors lists each one) or malformed JSON' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such public edition' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already applied (existingApplicationId), registration not open, or the same Idempotency-Key still in progress' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'Idempotency-Key reused with a different body' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  register(
    @Param('edition') edition: string,
    @Body() body: RegisterExhibitorDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ExhibitorApplicationResponse> {
    return this.applications.register({ editionCode: edition, body, acceptLanguage });
  }
}
