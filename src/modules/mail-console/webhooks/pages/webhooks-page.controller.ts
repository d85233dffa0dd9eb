import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest, Principal } from '../../../../core/auth/principal';
import { Roles } from '../../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../../core/auth/staff-roles.decorator';
import { AppConfig } from '../../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../../core/errors/domain-error';
import { isDeliveryStatus } from '../../../../core/webhooks/webhook-subscriptions.service';
import { pageContext, redirectRefused, redirectTo, rememberLang, sendPage } from '../../../../core/web/console-context';
import { ConsolePageFilter } from '../../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../../core/web/csrf';
import { translator, type Lang } from '../../../../core/web/i18n';
import { WEBHOOK_EVENT_NAMES } from '../webhook-catalogue';
import { WebhooksAdminService } from '../webhooks-admin.service';
import { CreateWebhookForm, WebhookActionForm, WebhookActiveForm, WebhookEventsForm, WebhooksPageQuery } from './webhooks-page.forms';
import { WEBHOOK_MESSAGES, type WebhookMessageKey } from './webhooks.messages';
import {
  renderWebhooksPage, webhooksFlash, webhooksUrl, type CreateFormState, type DeliveryFilterValues, type WebhooksPageContext, type WebhooksPageModel,
} from './webhooks.view';

const actorOf = (p: Principal | undefined): { accountId: string; email: string } => ({ accountId: p?.accountId ?? '', email: p?.email ?? '' });

/**
 * /console/webhooks: subscriptions (create with the secret shown once, events, disable, delete,
 * rotate, test) and the delivery log with filters and "send again". Create and rotate answer the
 * page itself (not a redirect), so the secret is in that one answer and in no URL or later page.
 */
@ApiExcludeController()
@Controller('console/webhooks')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('admin', { scope: 'organization' }) // a subscription may cover every edition: organization admins only
export class WebhooksPageController {
  constructor(
    private readonly webhooks: WebhooksAdminService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() query: WebhooksPageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const filters = filtersOf(query);
    const ctx = this.context(req, filters);
    sendPage(res, 200, renderWebhooksPage(ctx, { ...(await this.model(filters)), flash: webhooksFlash(query.flash, ctx.t) }));
  }

  @Post()
  async create(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: CreateWebhookForm): Promise<void> {
    const filters = filtersOf({});
    const ctx = this.context(req, filters);
    const values = { url: (form.url ?? '').trim(), description: (form.description ?? '').trim(), events: form.events, edition: form.edition ?? '' };
    const errors: CreateFormState['errors'] = {};
    const events = form.events.filter((e) => WEBHOOK_EVENT_NAMES.includes(e));
    if (events.length === 0) errors.events = 'problem.events';
    if (!values.url) errors.url = 'problem.invalid';
    if (Object.keys(errors).length === 0) {
      try {
        const { webhook, secret } = await this.webhooks.create(actorOf(req.principal), { url: values.url, description: values.description, events, edition: values.edition || undefined });
        const model = await this.model(filters);
        sendPage(res, 201, renderWebhooksPage(ctx, { ...model, flash: webhooksFlash('created', ctx.t), secret: { subscriptionId: webhook.id, value: secret } }));
        return;
      } catch (error) {
        Object.assign(errors, formErrorsOf(error));
      }
    }
    sendPage(res, 400, renderWebhooksPage(ctx, { ...(await this.model(filters)), form: { values, errors } }));
  }

  @Post(':id/events')
  async events(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: WebhookEventsForm): Promise<void> {
    const events = form.events.filter((e) => WEBHOOK_EVENT_NAMES.includes(e));
    if (events.length === 0) return redirectRefused(res, webhooksUrl({ flash: 'not-found' }));
    await this.guarded(res, () => this.webhooks.update(actorOf(req.principal), id, { events }), 'events-saved');
  }

  @Post(':id/active')
  async active(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: WebhookActiveForm): Promise<void> {
    const active = form.active === 'true';
    await this.guarded(res, () => this.webhooks.update(actorOf(req.principal), id, { active }), active ? 'enabled' : 'disabled');
  }

  @Post(':id/delete')
  async remove(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: WebhookActionForm): Promise<void> {
    await this.guarded(res, () => this.webhooks.remove(actorOf(req.principal), id), 'deleted');
  }

  @Post(':id/test')
  async test(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: WebhookActionForm): Promise<void> {
    await this.guarded(res, () => this.webhooks.sendTest(actorOf(req.principal), id), 'test-sent', '#deliveries');
  }

  @Post(':id/rotate')
  async rotate(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: WebhookActionForm): Promise<void> {
    const filters = filtersOf({});
    const ctx = this.context(req, filters);
    let rotated;
    try {
      rotated = await this.webhooks.rotateSecret(actorOf(req.principal), id);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) return redirectRefused(res, webhooksUrl({ flash: 'not-found' }));
      throw error;
    }
    sendPage(res, 200, renderWebhooksPage(ctx, { ...(await this.model(filters)), secret: { subscriptionId: id, value: rotated.secret } }));
  }

  @Post('deliveries/:id/resend')
  async resend(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: WebhookActionForm): Promise<void> {
    let flash: string;
    try {
      flash = (await this.webhooks.resend(actorOf(req.principal), id)).outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.IllegalTransition) flash = 'not-resendable';
      else if (error.code === ErrorCode.NotFound) flash = 'not-found';
      else throw error;
    }
    (flash === 'not-resendable' || flash === 'not-found' ? redirectRefused : redirectTo)(res, `${webhooksUrl({ flash })}#deliveries`);
  }

  private async guarded(res: Response, action: () => Promise<unknown>, flash: string, anchor = ''): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) return redirectRefused(res, webhooksUrl({ flash: 'not-found' }));
      throw error;
    }
    redirectTo(res, `${webhooksUrl({ flash })}${anchor}`);
  }

  private async model(filters: DeliveryFilterValues): Promise<Omit<WebhooksPageModel, 'flash' | 'secret' | 'form'>> {
    const [subscriptions, editions, deliveries] = await Promise.all([
      this.webhooks.list(), this.webhooks.editions(), this.webhooks.deliveries({ type: filters.event, status: filters.status, page: filters.page }),
    ]);
    return { subscriptions, editions, deliveries, filters };
  }

  private context(req: AuthenticatedRequest, filters: DeliveryFilterValues): WebhooksPageContext {
    const base = pageContext(req, this.config, (lang: Lang) => webhooksUrl({ ...filters, lang }));
    return { lang: base.lang, langHref: base.langHref, user: base.user, t: translator(WEBHOOK_MESSAGES, base.lang) };
  }
}

function filtersOf(query: { event?: string; status?: string; page?: string }): DeliveryFilterValues {
  return {
    event: query.event && /^[a-z][a-z.-]{0,79}$/.test(query.event) ? query.event : undefined,
    status: isDeliveryStatus(query.status) ? query.status : undefined,
    page: query.page && /^\d{1,6}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1,
  };
}

/** A refusal of the create form, by field, in the page's words (the service's problem codes). */
function formErrorsOf(error: unknown): CreateFormState['errors'] {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.ValidationFailed) throw error;
  const problem = error.details.problem;
  if (typeof problem === 'string') return { url: `problem.${problem}` as WebhookMessageKey };
  if (error.details.errors?.some((e) => e.field === 'edition')) return { edition: 'problem.edition' };
  return { url: 'problem.invalid' };
}
