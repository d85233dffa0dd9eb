import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '../../../core/auth/accounts.service';
import { Public } from '../../../core/auth/roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { CompaniesService } from './companies.service';
import { CompletePasswordResetDto, EmailDto, TokenDto } from '../dto/account-links.dto';
import { AcceptInvitationDto, JoinedCompanyResponse, SignUpDto, SignUpResponse } from '../dto/company.dto';
import { EXHIBITOR_LIMITS } from './exhibitor-limits';
import { EXHIBITOR_LINKS } from './exhibitor-links';
import { Idempotent } from '../../../core/http/idempotency/idempotent.decorator';

/** Exhibitor accounts before login: sign-up, the emailed links (confirm, reset, invitation). */
@ApiTags('exhibitor accounts')
@Controller('exhibitor-accounts')
export class ExhibitorAccountsController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @Idempotent()
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.signUp)
  @ApiOperation({ summary: 'Sign up a company and its first person; mails a confirmation link' })
  @ApiCreatedResponse({ type: SignUpResponse })
  @ApiErrors(400, 409, 413)
  signUp(@Body() body: SignUpDto): Promise<SignUpResponse> {
    return this.companies.signUp(body);
  }

  @Post('confirm-email')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm the email address with the token from the mailed link (single use)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 409, 410)
  async confirmEmail(@Body() body: TokenDto): Promise<void> {
    await this.accounts.confirmEmail(body.token);
  }

  @Post('resend-confirmation')
  @Public()
  @HttpCode(202)
  @RateLimit(EXHIBITOR_LIMITS.resendConfirmation)
  @ApiOperation({ summary: 'Mail a new confirmation link; answers 202 whether or not the address has an account' })
  @ApiAcceptedResponse()
  @ApiErrors(400)
  async resendConfirmation(@Body() body: EmailDto): Promise<void> {
    await this.accounts.resendEmailConfirmation(body.email, EXHIBITOR_LINKS.confirmEmail);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @RateLimit(EXHIBITOR_LIMITS.passwordReset)
  @ApiOperation({ summary: 'Mail a password reset link; answers 202 whether or not the address has an account' })
  @ApiAcceptedResponse()
  @ApiErrors(400)
  async requestPasswordReset(@Body() body: EmailDto): Promise<void> {
    await this.accounts.requestPasswordReset(body.email, EXHIBITOR_LINKS.resetPassword);
  }

  @Post('password-reset/complete')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the mailed token (single use); every session of the account ends' })
  @ApiNoContentResponse()
  @ApiErrors(400, 410)
  async completePasswordReset(@Body() body: CompletePasswordResetDto): Promise<void> {
    await this.accounts.completePasswordReset(body.token, body.password);
  }

  @Post('invitations/accept')
  @Public()
  @ApiOperation({ summary: 'Join a company with the invitation token: creates the invited person’s account' })
  @ApiCreatedResponse({ type: JoinedCompanyResponse, description: 'Account created (already confirmed); log in with it' })
  @ApiErrors(400, 409, 410)
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<JoinedCompanyResponse> {
    return this.companies.acceptInvitation(body);
  }
}
