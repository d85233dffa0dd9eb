import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { WebhookDeliverJob } from './webhook-deliver.job';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEvents } from './webhook-events';
import { WebhookRelay } from './webhook-relay';
import { WebhookSubscriptions } from './webhook-subscriptions.service';

/**
 * Webhooks, the mechanism: WebhookEvents.emit (global, so any area emits in its transaction), the
 * relay into the webhooks queue, the signed POST with retries, the subscriptions and delivery log.
 * The event types and the organizers' pages live above (areas, mail-console/webhooks).
 */
@Global()
@Module({})
export class WebhooksModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [WebhookEvents, WebhookRelay, WebhookDeliveryService, WebhookSubscriptions];
    if (options.worker) providers.push(WebhookDeliverJob);
    return { module: WebhooksModule, providers, exports: [WebhookEvents, WebhookSubscriptions, WebhookDeliveryService] };
  }
}
