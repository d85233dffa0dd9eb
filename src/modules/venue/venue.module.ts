import { DynamicModule, Module, OnModuleInit, type Provider } from '@nestjs/common';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { FairsModule } from '../fairs/fairs.module';
import { HoldExpireJob } from './jobs/hold-expire.job';
import { HoldSweepJob } from './jobs/hold-sweep.job';
import { bookingCancelledMail, bookingConfirmedMail, holdExpiredMail } from './mail/booking-mails';
import { VenueConsoleController } from './pages/venue-console.controller';
import { VenueController } from './venue.controller';
import { VenueRepository } from './venue.repository';
import { VenueService } from './venue.service';

/** The KDJ Center's halls and rooms, their combinations, bookings, holds and availability. */
@Module({})
export class VenueModule implements OnModuleInit {
  constructor(private readonly mailTemplates: MailTemplateRegistry) {}

  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [VenueRepository, VenueService];
    if (options.worker) providers.push(HoldExpireJob, HoldSweepJob);
    return { module: VenueModule, imports: [FairsModule], controllers: [VenueController, VenueConsoleController], providers, exports: [VenueService] };
  }

  onModuleInit(): void {
    for (const template of [bookingConfirmedMail, bookingCancelledMail, holdExpiredMail]) this.mailTemplates.register(template);
  }
}
