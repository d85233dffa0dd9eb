import { Module } from '@nestjs/common';
import { ExhibitorsDirectoryModule } from '../exhibitors/exhibitors.module';
import { FairsDirectoryModule } from '../fairs/fairs-directory';
import { FairsModule } from '../fairs/fairs.module';
import { SiteController } from './site.controller';
import { SiteService } from './site.service';

/** The public site: the front door listing the fairs, each edition's page, the favicon. It reads the fairs and exhibitors areas through their read APIs. */
@Module({
  imports: [FairsModule, FairsDirectoryModule, ExhibitorsDirectoryModule],
  controllers: [SiteController],
  providers: [SiteService],
})
export class SiteModule {}
