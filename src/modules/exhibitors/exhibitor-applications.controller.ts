import { Public } from '../../core/auth/roles.decorator';
import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOperation,
  ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponse } from '../../core/http/error-response.dto';
import { RateLimit } from '../../core/http/rate-limit/rate-limit.decorator';
import { ExhibitorApplicationResponse } from './dto/exhibitor-application.response';
import { RegisterExhibitorDto } from './dto/register-exhibitor.dto';
import { ExhibitorApplicationsService } from './exhibitor-applications.service';

@ApiTags('exhibitors')
@Controller('editions/:edition/exhibitor-applications')
export class ExhibitorApplicationsController {
  constructor(private readonly applications: ExhibitorApplicationsService) {}

  @Post()
  @Public()
  @RateLimit({ bucket: 'exhibitor-application', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })
  @ApiOperation({ summary: 'Apply to exhibit at a fair edition', description: 'Stores the application and queues the confirmation email.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first answer and creates nothing new' })
  @ApiCreatedResponse({ type: ExhibitorApplicationResponse, description: 'Stored; replays carry the header Idempotent-Replayed: true' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields (errors lists each one) or malformed JSON' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such public edition' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already applied (existingApplicationId), registration not open, or the same Idempotency-Key still in progress' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'Idempotency-Key reused with a different body' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  async register(
    @Param('edition') edition: string,
    @Body() body: RegisterExhibitorDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExhibitorApplicationResponse> {
    const result = await this.applications.register({ editionCode: edition, body, idempotencyKey, acceptLanguage });
    res.status(result.status);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }
}
