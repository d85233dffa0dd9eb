import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { mailSendProcessorFor } from './mail-send.processor';
import { MailTemplateRegistry } from './mail-template.registry';
import { MailTransport } from './mail-transport';

/** Templates are registered in every process; only worker processes consume the mail queue. */
@Global()
@Module({})
export class MailModule {
  static forRoot(options: { worker: boolean; concurrency: number; ratePerSecond: number }): DynamicModule {
    const providers: Provider[] = [MailTemplateRegistry, MailTransport, MailDeliveryService];
    if (options.worker) providers.push(mailSendProcessorFor(options));
    return { module: MailModule, providers, exports: [MailTemplateRegistry, MailDeliveryService] };
  }
}
