import { DynamicModule, Module } from '@nestjs/common';
import { MailConsoleController } from './mail-console.controller';
import { MailConsoleRepository } from './mail-console.repository';
import { MailConsoleService } from './mail-console.service';
import { MailConsolePageController } from './pages/mail-console-page.controller';
import { queuesDashboardModules } from './queues-dashboard';
import { FairsDirectoryModule } from '../fairs/fairs-directory';
import { MailTextsController } from './texts/mail-texts.controller';
import { MailTextsPageController } from './texts/mail-texts-page.controller';
import { MailTextsService } from './texts/mail-texts.service';

/**
 * The organizers' view of outgoing email: the JSON API under /api/organizer/mail, the page
 * /console/mail, the editions' email texts (/console/mail/texts, /api/editions/{edition}/mail-texts), and the BullMQ dashboard /console/queues (in processes that serve HTTP).
 */
@Module({})
export class MailConsoleModule {
  static forRoot(options: { http: boolean }): DynamicModule {
    return {
      module: MailConsoleModule,
      imports: [FairsDirectoryModule, ...(options.http ? queuesDashboardModules() : [])],
      controllers: [MailConsoleController, MailConsolePageController, MailTextsController, MailTextsPageController],
      providers: [MailConsoleRepository, MailConsoleService, MailTextsService],
    };
  }
}
