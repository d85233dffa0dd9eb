import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { FairsModule } from '../fairs/fairs.module';
import { ScheduleRunProcessor } from './jobs/schedule-run.processor';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { SchedulingService } from './scheduling.service';

/** Export business meetings: participants, requests, tables, interpreters, the scheduler as a job. */
@Module({})
export class MeetingsModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const providers: Provider[] = [MeetingsRepository, MeetingsService, SchedulingService];
    if (options.worker) providers.push(ScheduleRunProcessor);
    return { module: MeetingsModule, imports: [FairsModule], controllers: [MeetingsController], providers };
  }
}
