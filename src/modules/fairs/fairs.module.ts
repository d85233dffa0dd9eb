import { Module } from '@nestjs/common';
import { FairsController } from './fairs.controller';
import { FairsRepository } from './fairs.repository';
import { FairsService } from './fairs.service';
import { ReferenceDataSeeder } from './reference-data.seeder';

/** Fair series, editions and their product categories. */
@Module({
  controllers: [FairsController],
  providers: [FairsRepository, FairsService, ReferenceDataSeeder],
  exports: [FairsService],
})
export class FairsModule {}
