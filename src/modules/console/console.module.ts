import { Module } from '@nestjs/common';
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

/**
 * The organizers' console as one place, the top floor: its login and logout, and the dashboard
 * that gathers every area's figures through their read APIs, and the programme of each edition. Each section's pages stay in their
 * area (venue, exhibitors, meetings, attendees, mail-console) and share the frame in core/web.
 */
@Module({
  imports: [FairsModule, FairsDirectoryModule, ExhibitorsDirectoryModule, MeetingsDirectoryModule, AttendeesDirectoryModule, MailConsoleDirectoryModule],
  controllers: [ConsoleAuthController, DashboardController, ProgrammeController],
  providers: [ConsoleAuthService, ConsoleDashboardService, ConsoleProgrammeService],
})
export class ConsoleModule {}
