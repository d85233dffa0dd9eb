import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../../core/auth/principal';
import { Roles } from '../../../../core/auth/roles.decorator';
import { DomainError, ErrorCode } from '../../../../core/errors/domain-error';
import { isMailAddress } from '../../../../core/mail/email-address';
import { CsrfGuard } from '../../../../core/web/csrf';
import { CsrfForm } from '../../../../core/web/forms';
import type { Lang } from '../../../../core/web/i18n';
import { ExhibitorPageSupport, go, show } from '../../pages/exhibitor-page-support';
import { ExhibitorPageFilter } from '../../pages/exhibitor-pages.filter';
import { PageQuery } from '../../pages/exhibitor-pages.forms';
import { BillingService } from '../billing.service';
import { PROFILE_FIELDS, PROFILE_PATH, profileFields, renderBillingProfilePage, type ProfileErrors, type ProfileField, type ProfileValues } from './billing-profile.view';

class BillingProfileForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) legalName?: string;
  @IsOptional() @IsString() @MaxLength(1000) representative?: string;
  @IsOptional() @IsString() @MaxLength(1000) businessType?: string;
  @IsOptional() @IsString() @MaxLength(1000) businessItem?: string;
  @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @IsOptional() @IsString() @MaxLength(1000) taxId?: string;
  @IsOptional() @IsString() @MaxLength(1000) invoiceEmail?: string;
}

const MAX: Record<ProfileField, number> = { legalName: 200, representative: 100, businessType: 100, businessItem: 100, address: 300, taxId: 40, invoiceEmail: 254 };
const MISSING: Record<Lang, Record<ProfileField, string>> = {
  ko: {
    legalName: '상호를 적어 주세요.', representative: '세금계산서에는 대표자 성명이 필요합니다.', businessType: '세금계산서에는 업태가 필요합니다.',
    businessItem: '세금계산서에는 종목이 필요합니다.', address: '사업장 주소를 적어 주세요.', taxId: '', invoiceEmail: '세금계산서 받을 이메일을 적어 주세요.',
  },
  en: {
    legalName: 'Give the company’s legal name.', representative: 'A Korean tax invoice needs the representative’s name.', businessType: 'A Korean tax invoice needs the business type.',
    businessItem: 'A Korean tax invoice needs the business item.', address: 'Give the invoicing address.', taxId: '', invoiceEmail: 'Give the email address for invoices.',
  },
};

/** What is wrong with the form, per field, in the reader's language (the API's rules, said next to each field). */
export function checkProfileForm(values: ProfileValues, korean: boolean, lang: Lang): ProfileErrors {
  const errors: ProfileErrors = {};
  const required: ProfileField[] = korean ? ['legalName', 'representative', 'businessType', 'businessItem', 'address', 'invoiceEmail'] : ['legalName', 'address', 'invoiceEmail'];
  for (const f of profileFields(korean)) {
    const value = values[f].trim();
    if (value === '' && required.includes(f)) errors[f] = MISSING[lang][f];
    else if (value.length > MAX[f]) errors[f] = lang === 'ko' ? `${MAX[f]}자 이하로 줄여 주세요.` : `Shorten it to ${MAX[f]} characters or fewer.`;
  }
  if (!errors.invoiceEmail && !isMailAddress(values.invoiceEmail.trim())) {
    errors.invoiceEmail = lang === 'ko' ? '이메일 주소 형식이 아닙니다 (예: tax@company.co.kr).' : 'This is not an email address (e.g. tax@company.com).';
  }
  return errors;
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
