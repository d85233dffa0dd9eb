import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { FairsModule } from '../fairs/fairs.module';
import { ExhibitorApplicationsController } from './exhibitor-applications.controller';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';
import { ExhibitorApplicationsService } from './exhibitor-applications.service';
import { applicationSubmittedMail } from './mail/application-submitted.mail';

/** Exhibitor applications to fair editions. */
@Module({
  imports: [FairsModule],
  controllers: [ExhibitorApplicationsController],
  providers: [ExhibitorApplicationsRepository, ExhibitorApplicationsService],
})
export class ExhibitorsModule implements OnModuleInit {
  constructor(private readonly mailTemplates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.mailTemplates.register(applicationSubmittedMail);
  }
}
