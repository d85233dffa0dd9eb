import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { MailSendJob } from './mail-send.processor';
import { MailTemplateRegistry } from './mail-template.registry';
import { MailTransport } from './mail-transport';

/** Templates are registered in every process; only worker processes handle `mail.send` (MailSendJob). */
@Global()
@Module({})
export class MailModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [MailTemplateRegistry, MailTransport, MailDeliveryService];
    if (options.worker) providers.push(MailSendJob);
    return { module: MailModule, providers, exports: [MailTemplateRegistry, MailDeliveryService] };
  }
}
