import { BookingEditionScope } from './booking-edition-scope';
import { DynamicModule, Module, OnModuleInit, type ModuleMetadata, type Provider, type Type } from '@nestjs/common';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { AvailabilityService } from './availability.service';
import { BookingNotifier } from './booking-notifier';
import { BookingsService } from './bookings.service';
import { HoldExpiryService } from './hold-expiry.service';
import { HoldExpireJob } from './jobs/hold-expire.job';
import { HoldSweepJob } from './jobs/hold-sweep.job';
import { bookingCancelledMail, bookingConfirmedMail, holdExpiredMail } from './mail/booking-mails';
import { VenueConsoleController } from './pages/venue-console.controller';
import { VenueConsolePageService } from './pages/venue-console-page.service';
import { EditionLookup } from './ports/edition-lookup';
import { VenueController } from './venue.controller';
import { SpaceCalendarFeedService } from './space-calendar-feed.service';
import { SpaceHoldingsRepository } from './space-holdings.repository';
import { SpaceHoldingsService } from './space-holdings.service';
import { VenueCatalogueService } from './venue-catalogue.service';
import { VenueDirectory } from './venue-directory';
import { VenueLayouts } from './venue-layout';
import { VenueRepository } from './venue.repository';

/**
 * The venue's read API (VenueDirectory) and its holdings (SpaceHoldingsService: what the floors
 * above place in a space books it) for the floors above, who import this module. A static
 * module of its own, so that importing it never pulls in the venue's controllers or workers.
 */
@Module({
  providers: [VenueRepository, VenueDirectory, SpaceHoldingsRepository, SpaceHoldingsService],
  exports: [VenueRepository, VenueDirectory, SpaceHoldingsService],
})
export class VenueDirectoryModule {}

export interface VenueModuleOptions {
  worker: boolean;
  /**
   * Who answers the venue's EditionLookup port: the module that provides it and the provider.
   * The venue imports nothing of fairs; app.module.ts passes the fairs area's implementation.
   */
  editions: { imports: NonNullable<ModuleMetadata['imports']>; useExisting: Type<EditionLookup> };
}

/** The KDJ Center's halls and rooms, their combinations, bookings, holds and availability. The ground floor. */
@Module({})
export class VenueModule implements OnModuleInit {
  constructor(private readonly mailTemplates: MailTemplateRegistry) {}

  static forRoot(options: VenueModuleOptions): DynamicModule {
    const providers: Provider[] = [
      VenueLayouts,
      VenueCatalogueService,
      AvailabilityService,
      BookingNotifier,
      HoldExpiryService,
      BookingsService,
      SpaceCalendarFeedService,
      VenueConsolePageService,
      BookingEditionScope,
      { provide: EditionLookup, useExisting: options.editions.useExisting },
    ];
    if (options.worker) providers.push(HoldExpireJob, HoldSweepJob);
    return {
      module: VenueModule,
      imports: [VenueDirectoryModule, ...options.editions.imports],
      controllers: [VenueController, VenueConsoleController],
      providers,
    };
  }

  onModuleInit(): void {
    for (const template of [bookingConfirmedMail, bookingCancelledMail, holdExpiredMail]) this.mailTemplates.register(template);
  }
}
