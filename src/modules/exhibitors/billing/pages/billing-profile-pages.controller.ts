import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../../core/auth/principal';
import { Roles } from '../../../../core/auth/roles.decorator';
import { DomainError, ErrorCode } from '../../../../core/errors/domain-error';
import { CsrfGuard } from '../../../../core/web/csrf';
import { CsrfForm } from '../../../../core/web/forms';
import { ExhibitorPageSupport, go, show } from '../../pages/exhibitor-page-support';
import { ExhibitorPageFilter } from '../../pages/exhibitor-pages.filter';
import { PageQuery } from '../../pages/exhibitor-pages.forms';
import { BillingService } from '../billing.service';
import { checkProfileForm } from './billing-profile.form';
import { PROFILE_FIELDS, PROFILE_PATH, renderBillingProfilePage, type ProfileField, type ProfileValues } from './billing-profile.view';

class BillingProfileForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) legalName?: string;
  @IsOptional() @IsString() @MaxLength(1000) representative?: string;
  @IsOptional() @IsString() @MaxLength(1000) businessType?: string;
  @IsOptional() @IsString() @MaxLength(1000) businessItem?: string;
  @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @IsOptional() @IsString() @MaxLength(1000) taxId?: string;
  @IsOptional() @IsString() @MaxLength(1000) invoiceEmail?: string;
}

/** The exhibitor's tax details page (GET shows, POST saves; values and errors kept on a refusal). */
@ApiExcludeController()
@Controller('exhibitor/billing-profile')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class BillingProfilePagesController {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly billing: BillingService,
  ) {}

  @Get()
  @Roles('exhibitor')
  async show(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Query() q: PageQuery): Promise<void> {
    const { ctx } = this.support.bind(req, res);
    const company = await this.support.companies.getOwn(principal);
    const profile = await this.billing.profile(company.id);
    const values: ProfileValues = {
      legalName: profile?.legalName ?? company.name, representative: profile?.representative ?? '', businessType: profile?.businessType ?? '',
      businessItem: profile?.businessItem ?? '', address: profile?.address ?? company.address ?? '', taxId: profile?.taxId ?? '', invoiceEmail: profile?.invoiceEmail ?? '',
    };
    this.support.answer(res, show(renderBillingProfilePage(ctx, { korean: company.country === 'KR', values, errors: {}, saved: q.flash === 'saved' })));
  }

  @Post()
  @Roles('exhibitor')
  async save(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: BillingProfileForm): Promise<void> {
    const { ctx } = this.support.bind(req, res);
    const company = await this.support.companies.getOwn(principal);
    const korean = company.country === 'KR';
    const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, form[f] ?? ''])) as ProfileValues;
    const errors = checkProfileForm(values, korean, ctx.lang);
    if (Object.keys(errors).length === 0) {
      try {
        await this.billing.saveProfile(company.id, { ...values, invoiceEmail: values.invoiceEmail.trim() });
        return this.support.answer(res, go(`${PROFILE_PATH}?lang=${ctx.lang}&flash=saved`));
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== ErrorCode.ValidationFailed) throw error;
        // The service's own refusals (a Korean field the check above missed) go next to their fields.
        for (const e of error.details.errors ?? []) if ((PROFILE_FIELDS as readonly string[]).includes(e.field)) errors[e.field as ProfileField] = e.messages.join(' ');
      }
    }
    this.support.answer(res, show(renderBillingProfilePage(ctx, { korean, values, errors, saved: false }), 400));
  }
}
