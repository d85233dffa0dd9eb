import { Module } from '@nestjs/common';
import { MailConsoleRepository } from './mail-console.repository';
import { MailConsoleService } from './mail-console.service';

/**
 * The mail console's read side for the floor above (the console's dashboard asks
 * MailConsoleService.failedCount()), without the mail console's controllers and the queue board.
 */
@Module({ providers: [MailConsoleRepository, MailConsoleService], exports: [MailConsoleService] })
export class MailConsoleDirectoryModule {}
