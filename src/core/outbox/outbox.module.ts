import { Global, Module } from '@nestjs/common';
import { MailBatchService } from './mail-batch.service';
import { OutboxReader } from './outbox-reader';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

@Global()
@Module({ providers: [OutboxService, OutboxRelay, MailBatchService, OutboxReader], exports: [OutboxService, OutboxRelay, MailBatchService, OutboxReader] })
export class OutboxModule {}
