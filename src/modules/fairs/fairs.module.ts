import { Module } from '@nestjs/common';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';
import { FairsController } from './fairs.controller';
import { FairsRepository } from './fairs.repository';
import { FairsService } from './fairs.service';
import { ProgrammeEvents } from './programme-events';
import { ReferenceDataSeeder } from './reference-data.seeder';

/** Fair series, editions and their product categories. */
@Module({
  controllers: [FairsController, EditionsController],
  providers: [FairsRepository, FairsService, EditionsService, ReferenceDataSeeder, ProgrammeEvents],
  exports: [FairsService, ProgrammeEvents],
})
export class FairsModule {}
