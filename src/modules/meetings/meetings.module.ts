import { DynamicModule, Module, OnModuleInit, type Provider } from '@nestjs/common';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { ExhibitorsDirectoryModule } from '../exhibitors/exhibitors.module';
import { FairsModule } from '../fairs/fairs.module';
import { ExhibitorOptInService } from './exhibitor-opt-in.service';
import { ExhibitorMeetingsPageController } from './pages/exhibitor-meetings-page.controller';
import { ExhibitorMeetingsPageService } from './pages/exhibitor-meetings-page.service';
import { ScheduleRunJob } from './jobs/schedule-run.job';
import { RequestSweepJob } from './jobs/request-sweep.job';
import { SurveySweepJob } from './jobs/survey-sweep.job';
import { MeetingSurveysService } from './meeting-surveys.service';
import { ResultsReportService } from './results-report.service';
import { surveyMail } from './mail/survey.mail';
import { ResultsReportConsoleController } from './pages/results-report-console.controller';
import { SurveyPageController } from './pages/survey-page.controller';
import { MeetingsController } from './meetings.controller';
import { MeetingsDirectory } from './meetings-directory';
import { MeetingsDirectoryRepository } from './meetings-directory.repository';
import { MeetingsRepository } from './meetings.repository';
import { accessLinkMail } from './mail/access-link.mail';
import { agendaMail } from './mail/agenda.mail';
import { requestDigestMail } from './mail/request-digest.mail';
import { meetingChangeMail } from './mail/meeting-change.mail';
import { MeetingDayService } from './meeting-day.service';
import { TableHostConsoleController, TableHostLinkController } from './pages/table-host-page.controller';
import { RequestNoticesService } from './request-notices.service';
import { ParticipantAccessController } from './participant-access.controller';
import { ParticipantAccessService } from './participant-access.service';
import { ParticipantLinks } from './participant-links';
import { MeetingsService } from './meetings.service';
import { MeetingsConsoleController } from './pages/meetings-console.controller';
import { MeetingsConsoleService } from './pages/meetings-console.service';
import { MeetingsParticipantsConsoleController } from './pages/meetings-participants-console.controller';
import { MeetingsRequestsConsoleController } from './pages/meetings-requests-console.controller';
import { MeetingsRunsConsoleController } from './pages/meetings-runs-console.controller';
import { ParticipantPageController } from './pages/participant-page.controller';
import { BuyerRegistrationPageController } from './pages/buyer-registration-page.controller';
import { BuyerRegistrationPageService } from './pages/buyer-registration-page.service';
import { ParticipantPageService } from './pages/participant-page.service';
import { PublicationService } from './publication.service';
import { ScheduleChangesService } from './schedule-changes.service';
import { SchedulingService } from './scheduling.service';

/**
 * The meetings area's read API (MeetingsDirectory) for the floors above, who import this module.
 * A static module of its own, so that importing it never pulls in the meetings' controllers or workers.
 */
@Module({ providers: [MeetingsDirectoryRepository, MeetingsDirectory], exports: [MeetingsDirectory] })
export class MeetingsDirectoryModule {}

/** Export business meetings: participants, requests, tables, interpreters, the scheduler as a job. */
@Module({})
export class MeetingsModule implements OnModuleInit {
  constructor(private readonly mailTemplates: MailTemplateRegistry) {}

  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [
      MeetingsRepository, MeetingsService, SchedulingService, PublicationService, ScheduleChangesService, ParticipantAccessService, ParticipantLinks,
      RequestNoticesService, BuyerRegistrationPageService, ParticipantPageService, MeetingsConsoleService, ExhibitorOptInService, ExhibitorMeetingsPageService,
      MeetingSurveysService, ResultsReportService, MeetingsDirectoryRepository, MeetingsDirectory, MeetingDayService,
    ];
    if (options.worker) providers.push(ScheduleRunJob, RequestSweepJob, SurveySweepJob);
    const controllers = [
      MeetingsController, ParticipantAccessController, MeetingsConsoleController, MeetingsParticipantsConsoleController, MeetingsRequestsConsoleController,
      MeetingsRunsConsoleController, ParticipantPageController, BuyerRegistrationPageController, ExhibitorMeetingsPageController,
      SurveyPageController, ResultsReportConsoleController, TableHostConsoleController, TableHostLinkController,
    ];
    return { module: MeetingsModule, imports: [FairsModule, ExhibitorsDirectoryModule], controllers, providers };
  }

  onModuleInit(): void {
    this.mailTemplates.register(agendaMail);
    this.mailTemplates.register(accessLinkMail);
    this.mailTemplates.register(requestDigestMail);
    this.mailTemplates.register(surveyMail);
    this.mailTemplates.register(meetingChangeMail);
  }
}
