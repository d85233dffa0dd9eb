import { Global, Module } from '@nestjs/common';
import { MailBatchService } from './mail-batch.service';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

@Global()
@Module({ providers: [OutboxService, OutboxRelay, MailBatchService], exports: [OutboxService, OutboxRelay, MailBatchService] })
export class OutboxModule {}
