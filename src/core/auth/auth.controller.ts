import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors } from '../http/api-errors.decorator';
import { ErrorResponse } from '../http/error-response.dto';
import { AccountResponse, LoginDto, LoginResponse } from './dto/login.dto';
import { CurrentPrincipal, type Principal } from './principal';
import { Public, Roles } from './roles.decorator';
import { SessionsService } from './sessions.service';
import { StaffRoles } from './staff-roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; answers a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Email or password is wrong' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Malformed email or missing password' })
  @ApiErrors(403, 429)
  async login(@Body() body: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    const { token, expiresAt, account } = await this.sessions.login(req, body.email, body.password);
    return { token, expiresAt: expiresAt.toISOString(), account: { id: account.id, email: account.email, role: account.role, displayName: account.displayName } };
  }

  @Post('logout')
  @StaffRoles({ scope: 'self' })
  @Roles('organizer', 'exhibitor', 'buyer', 'attendee')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its token stops working' })
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.logout(principal.sessionId);
  }

  @Get('me')
  @StaffRoles({ scope: 'self' })
  @Roles('organizer', 'exhibitor', 'buyer', 'attendee')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The account behind the token' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  me(@CurrentPrincipal() principal: Principal): AccountResponse {
    return { id: principal.accountId, email: principal.email, role: principal.role, displayName: principal.displayName };
  }
}
