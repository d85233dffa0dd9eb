import { Module } from '@nestjs/common';
import { FairsDirectoryModule } from '../../fairs/fairs-directory';
import { WebhooksPageController } from './pages/webhooks-page.controller';
import { WebhooksController } from './webhooks.controller';
import { WebhooksAdminService } from './webhooks-admin.service';

/**
 * The organizers' side of webhooks: /api/organizer/webhooks and /console/webhooks. The mechanism
 * (emit, relay, signed delivery, retries) is core/webhooks; the event types are the areas'.
 */
@Module({
  imports: [FairsDirectoryModule],
  controllers: [WebhooksController, WebhooksPageController],
  providers: [WebhooksAdminService],
})
export class WebhooksConsoleModule {}
