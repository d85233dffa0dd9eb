import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../../../core/audit/audit-trail';
import { DomainError } from '../../../core/errors/domain-error';
import {
  WebhookSubscriptions, type AttemptView, type DeliveryFilters, type DeliveryView, type SubscriptionView,
} from '../../../core/webhooks/webhook-subscriptions.service';
import { FairsDirectory, type EditionListRow } from '../../fairs/fairs-directory';
import type { CreateWebhookBody, UpdateWebhookBody, WebhookResponse, WebhookWithSecretResponse } from './webhooks.dto';

/**
 * The organizers' side of webhooks: core's subscriptions with edition codes instead of ids (the
 * fairs' directory resolves them) and the event types of the catalogue (checked by the DTOs).
 */
@Injectable()
export class WebhooksAdminService {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly fairs: FairsDirectory,
  ) {}

  editions(): Promise<EditionListRow[]> {
    return this.fairs.editions({ includeDrafts: true });
  }

  async list(): Promise<WebhookResponse[]> {
    const [rows, codes] = await Promise.all([this.subscriptions.list(), this.codes()]);
    return rows.map((r) => toResponse(r, codes));
  }

  async create(actor: AuditActor, body: CreateWebhookBody): Promise<WebhookWithSecretResponse> {
    const scopeId = body.edition ? await this.editionId(body.edition) : null;
    const { subscription, secret } = await this.subscriptions.create(actor, { url: body.url, description: body.description, eventTypes: body.events, scopeId });
    return { webhook: toResponse(subscription, await this.codes()), secret };
  }

  async update(actor: AuditActor, id: string, body: UpdateWebhookBody): Promise<WebhookResponse> {
    const scopeId = body.edition === undefined ? undefined : body.edition === null ? null : await this.editionId(body.edition);
    const view = await this.subscriptions.update(actor, id, { url: body.url, description: body.description, eventTypes: body.events, scopeId, active: body.active });
    return toResponse(view, await this.codes());
  }

  remove(actor: AuditActor, id: string): Promise<void> {
    return this.subscriptions.remove(actor, id);
  }

  async rotateSecret(actor: AuditActor, id: string): Promise<WebhookWithSecretResponse> {
    const { subscription, secret } = await this.subscriptions.rotateSecret(actor, id);
    return { webhook: toResponse(subscription, await this.codes()), secret };
  }

  sendTest(actor: AuditActor, id: string): Promise<{ deliveryId: string }> {
    return this.subscriptions.sendTest(actor, id);
  }

  deliveries(filters: DeliveryFilters): Promise<{ items: DeliveryView[]; total: number; page: number; pageSize: number }> {
    return this.subscriptions.deliveries(filters);
  }

  delivery(id: string): Promise<DeliveryView & { attemptLog: AttemptView[] }> {
    return this.subscriptions.delivery(id);
  }

  resend(actor: AuditActor, id: string): Promise<{ deliveryId: string; outcome: 'requeued' | 'copied' }> {
    return this.subscriptions.resend(actor, id);
  }

  private async editionId(code: string): Promise<string> {
    const edition = await this.fairs.edition(code);
    if (!edition) throw DomainError.validation([{ field: 'edition', messages: [`there is no edition ${code}`] }]);
    return edition.id;
  }

  private async codes(): Promise<Map<string, string>> {
    return new Map((await this.editions()).map((e) => [e.id, e.code]));
  }
}

function toResponse(view: SubscriptionView, codes: Map<string, string>): WebhookResponse {
  return {
    id: view.id, url: view.url, description: view.description, events: view.eventTypes,
    edition: view.scopeId ? (codes.get(view.scopeId) ?? null) : null, active: view.active, createdAt: view.createdAt, updatedAt: view.updatedAt,
  };
}
