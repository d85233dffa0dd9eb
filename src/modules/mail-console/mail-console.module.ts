import { DynamicModule, Module } from '@nestjs/common';
import { MailConsoleController } from './mail-console.controller';
import { MailConsoleRepository } from './mail-console.repository';
import { MailConsoleService } from './mail-console.service';
import { MailConsolePageController } from './pages/mail-console-page.controller';
import { queuesDashboardModules } from './queues-dashboard';

/**
 * The organizers' view of outgoing email: the JSON API under /api/organizer/mail, the page
 * /console/mail, and the BullMQ dashboard /console/queues (in processes that serve HTTP).
 */
@Module({})
export class MailConsoleModule {
  static forRoot(options: { http: boolean }): DynamicModule {
    return {
      module: MailConsoleModule,
      imports: options.http ? queuesDashboardModules() : [],
      controllers: [MailConsoleController, MailConsolePageController],
      providers: [MailConsoleRepository, MailConsoleService],
    };
  }
}
