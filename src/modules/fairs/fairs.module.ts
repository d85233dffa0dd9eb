import { Module } from '@nestjs/common';
import { VenueDirectoryModule } from '../venue/venue.module';
import { EditionCodeScope } from './edition-scope';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';
import { FairsController } from './fairs.controller';
import { FairsRepository } from './fairs.repository';
import { FairsService } from './fairs.service';
import { ProgrammeDirectory } from './programme-directory';
import { ProgrammeDirectoryRepository } from './programme-directory.repository';
import { ProgrammeEvents } from './programme-events';
import { ReferenceDataSeeder } from './reference-data.seeder';
import { VenueEditionLookup } from './venue-edition-lookup';

/** Fair series, editions and their product categories; the first floor, above the venue (whose spaces its programme books). */
@Module({
  imports: [VenueDirectoryModule],
  controllers: [FairsController, EditionsController],
  providers: [FairsRepository, FairsService, EditionsService, ReferenceDataSeeder, ProgrammeEvents, VenueEditionLookup, ProgrammeDirectoryRepository, ProgrammeDirectory, EditionCodeScope],
  exports: [FairsService, EditionsService, ProgrammeEvents, VenueEditionLookup, ProgrammeDirectory],
})
export class FairsModule {}
