import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { MailSendJob } from './mail-send.processor';
import { MailTemplateRegistry } from './mail-template.registry';
import { MailTextStore } from './mail-text.store';
import { MailTransport } from './mail-transport';
import { MailRateGate } from './mail-rate-gate';

/** Templates are registered in every process; only worker processes handle `mail.send` (MailSendJob). */
@Global()
@Module({})
export class MailModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [MailTemplateRegistry, MailTransport, MailDeliveryService, MailTextStore];
    if (options.worker) providers.push(MailSendJob, MailRateGate);
    return { module: MailModule, providers, exports: [MailTemplateRegistry, MailDeliveryService, MailTextStore] };
  }
}
