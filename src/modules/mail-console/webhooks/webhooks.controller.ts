import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import type { AttemptView, DeliveryView } from '../../../core/webhooks/webhook-subscriptions.service';
import { CreateWebhookBody, ListDeliveriesQuery, UpdateWebhookBody, type WebhookResponse, type WebhookWithSecretResponse } from './webhooks.dto';
import { WebhooksAdminService } from './webhooks-admin.service';

const actorOf = (p: Principal): { accountId: string; email: string } => ({ accountId: p.accountId, email: p.email });

/**
 * Webhooks for the organizers' own systems (CRM, accounting): subscriptions, their secrets (shown
 * once), the delivery log and sending again. Organization-wide, so the edition role is admin.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('organizer')
@Roles('organizer')
@StaffRoles('admin', { scope: 'organization' }) // a subscription may cover every edition: organization admins only
@ApiErrors(400, 401, 403)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksAdminService) {}

  @Get('webhooks')
  @ApiOperation({ summary: 'Webhook subscriptions (never their secrets)' })
  @ApiOkResponse({ description: 'The subscriptions, oldest first' })
  list(): Promise<WebhookResponse[]> {
    return this.webhooks.list();
  }

  @Post('webhooks')
  @ApiOperation({ summary: 'Subscribe a URL to events; the answer holds the signing secret, shown this once' })
  @ApiCreatedResponse({ description: '{ webhook, secret }' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateWebhookBody): Promise<WebhookWithSecretResponse> {
    return this.webhooks.create(actorOf(principal), body);
  }

  @Get('webhook-deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first; filter by event type, status and subscription' })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  deliveries(@Query() query: ListDeliveriesQuery): Promise<{ items: DeliveryView[]; total: number; page: number; pageSize: number }> {
    return this.webhooks.deliveries({ type: query.event, status: query.status, subscriptionId: query.subscription, page: query.page });
  }

  @Get('webhook-deliveries/:id')
  @ApiOperation({ summary: 'One delivery with each attempt: status code, duration, the first 2 KB of the answer, the error' })
  @ApiOkResponse({ description: 'The delivery and its attemptLog' })
  @ApiErrors(404)
  delivery(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeliveryView & { attemptLog: AttemptView[] }> {
    return this.webhooks.delivery(id);
  }

  @Post('webhook-deliveries/:id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send again: a failed delivery gets new attempts under its id; a delivered one is copied to a new delivery' })
  @ApiOkResponse({ description: '{ deliveryId, outcome: requeued | copied }' })
  @ApiErrors(404, 409)
  resend(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<{ deliveryId: string; outcome: 'requeued' | 'copied' }> {
    return this.webhooks.resend(actorOf(principal), id);
  }

  @Patch('webhooks/:id')
  @ApiOperation({ summary: 'Change a subscription: URL, description, events, edition, active' })
  @ApiOkResponse({ description: 'The subscription' })
  @ApiErrors(404)
  update(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateWebhookBody): Promise<WebhookResponse> {
    return this.webhooks.update(actorOf(principal), id, body);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.webhooks.remove(actorOf(principal), id);
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret replaces the old one at once; shown this once' })
  @ApiOkResponse({ description: '{ webhook, secret }' })
  @ApiErrors(404)
  rotate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookWithSecretResponse> {
    return this.webhooks.rotateSecret(actorOf(principal), id);
  }

  @Post('webhooks/:id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test event to this subscription alone' })
  @ApiAcceptedResponse({ description: '{ deliveryId }' })
  @ApiErrors(404)
  test(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<{ deliveryId: string }> {
    return this.webhooks.sendTest(actorOf(principal), id);
  }
}
