import { Module, type OnModuleInit } from '@nestjs/common';
import { staffInvitationMail } from '../../core/auth/mail/account-mails';
import { TeamService } from '../../core/auth/team.service';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { AttendeesDirectoryModule } from '../attendees/attendees-directory';
import { ExhibitorsDirectoryModule } from '../exhibitors/exhibitors.module';
import { FairsDirectoryModule } from '../fairs/fairs-directory';
import { FairsModule } from '../fairs/fairs.module';
import { MailConsoleDirectoryModule } from '../mail-console/mail-console-directory';
import { MeetingsDirectoryModule } from '../meetings/meetings.module';
import { ConsoleAuthController } from './console-auth.controller';
import { ConsoleAuthService } from './console-auth.service';
import { ConsoleDashboardService } from './console-dashboard.service';
import { ConsoleProgrammeService } from './console-programme.service';
import { DashboardController } from './dashboard.controller';
import { ProgrammeController } from './programme.controller';
import { AuditConsoleController } from './team/audit-console.controller';
import { TeamConsoleController } from './team/team-console.controller';

/**
 * The organizers' console as one place, the top floor: its login and logout, and the dashboard
 * that gathers every area's figures through their read APIs, and the programme of each edition. Each section's pages stay in their
 * area (venue, exhibitors, meetings, attendees, mail-console) and share the frame in core/web.
 */
@Module({
  imports: [FairsModule, FairsDirectoryModule, ExhibitorsDirectoryModule, MeetingsDirectoryModule, AttendeesDirectoryModule, MailConsoleDirectoryModule],
  controllers: [ConsoleAuthController, DashboardController, ProgrammeController, TeamConsoleController, AuditConsoleController],
  providers: [ConsoleAuthService, ConsoleDashboardService, ConsoleProgrammeService, TeamService],
})
export class ConsoleModule implements OnModuleInit {
  constructor(private readonly mailTemplates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.mailTemplates.register(staffInvitationMail);
  }
}
