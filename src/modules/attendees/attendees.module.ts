import { DynamicModule, Module, OnModuleInit, type Provider } from '@nestjs/common';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { ExhibitorsDirectoryModule } from '../exhibitors/exhibitors.module';
import { FairsModule } from '../fairs/fairs.module';
import { MeetingsDirectoryModule } from '../meetings/meetings.module';
import { ProgrammeEvents } from '../fairs/programme-events';
import { ItineraryController } from './itinerary.controller';
import { ItineraryRepository } from './itinerary.repository';
import { ItineraryService } from './itinerary.service';
import { ItineraryRemindJob } from './jobs/itinerary-remind.job';
import { ItinerarySweepJob } from './jobs/itinerary-sweep.job';
import { itineraryMail } from './mail/itinerary.mail';
import { reminderMail } from './mail/reminder.mail';
import { ReminderScheduler } from './reminder-scheduler';
import { AttendeeAccessController } from './attendee-access.controller';
import { AttendeeAccessService } from './attendee-access.service';
import { AttendeesController } from './attendees.controller';
import { AttendeesRepository } from './attendees.repository';
import { AttendeesService } from './attendees.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { attendeeLinkMail } from './mail/attendee-link.mail';
import { AttendeePageController, AttendeePageFilter, AttendeePageLoader } from './pages/attendee-page.controller';
import { LeadsPageController } from './pages/leads-page.controller';
import { VisitPageController, VisitPageFilter } from './pages/visit-page.controller';
import { VisitRegistrationService } from './visit-registration.service';
import { AttendeesConsoleService } from './attendees-console.service';
import { AttendeesConsoleController } from './pages/attendees-console.controller';
import { AttendeesDirectoryModule } from './attendees-directory';
import { CheckInRepository } from './check-in.repository';
import { CheckInService } from './check-in.service';
import { CheckInPageController } from './pages/checkin.controller';
import { PdfFonts } from '../../core/pdf/pdf-fonts';
import { BadgesController } from './badges/badges.controller';
import { BadgesService } from './badges/badges.service';

/** Visitors: registration, the personal page with badge, session picks with a waitlist, bookmarks, and exhibitors' leads. */
@Module({})
export class AttendeesModule implements OnModuleInit {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [
      AttendeesRepository, AttendeesService, AttendeeAccessService, LeadsService, AttendeePageLoader, AttendeePageFilter, VisitRegistrationService, VisitPageFilter, AttendeesConsoleService,
      ItineraryRepository, ItineraryService, ReminderScheduler, PdfFonts, BadgesService,
      CheckInRepository, CheckInService,
    ];
    if (options.worker) providers.push(ItinerarySweepJob, ItineraryRemindJob);
    return {
      module: AttendeesModule,
      imports: [FairsModule, ExhibitorsDirectoryModule, MeetingsDirectoryModule, AttendeesDirectoryModule],
      // The badge routes (…/:code/badges) come before the console's …/:code/:id, which would take them.
      controllers: [
        AttendeesController, AttendeeAccessController, LeadsController, AttendeePageController, LeadsPageController, ItineraryController, VisitPageController,
        BadgesController, AttendeesConsoleController, CheckInPageController,
      ],
      providers,
      exports: [AttendeesRepository],
    };
  }

  constructor(
    private readonly mailTemplates: MailTemplateRegistry,
    private readonly programme: ProgrammeEvents,
    private readonly itineraries: ItineraryRepository,
  ) {}

  onModuleInit(): void {
    this.mailTemplates.register(attendeeLinkMail);
    this.mailTemplates.register(itineraryMail);
    this.mailTemplates.register(reminderMail);
    // A session that moves or is cancelled changes the itinerary of everyone who chose it.
    this.programme.onSessionChanged(async (tx, sessionId) => {
      await this.itineraries.markDirtyBySession(tx.manager, sessionId);
    });
    // So does a published change to the export meetings of a visitor who also meets buyers or exhibitors.
    this.programme.onMeetingsChanged(async (tx, editionId, emails) => {
      await this.itineraries.markDirtyByEmails(tx.manager, editionId, emails);
    });
  }
}
