import { Module, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../../core/auth/accounts.service';
import { emailConfirmationMail, invitationMail, passwordResetMail } from '../../core/auth/mail/account-mails';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { FairsModule } from '../fairs/fairs.module';
import { ApplicationReviewController } from './application-review.controller';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationViews } from './application-views';
import { ApplicationWorkflow } from './application-workflow.service';
import { BoothsRepository } from './booths.repository';
import { BoothsService } from './booths.service';
import { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';
import { CompanyApplicationsController } from './company-applications.controller';
import { CompanyApplicationsService } from './company-applications.service';
import { CompanyController } from './company.controller';
import { ExhibitionController } from './exhibition.controller';
import { ExhibitionSeeder } from './exhibition.seeder';
import { ExhibitorAccountsController } from './exhibitor-accounts.controller';
import { ExhibitorsDirectory } from './exhibitors-directory';
import { ExhibitorsDirectoryRepository } from './exhibitors-directory.repository';
import { ExhibitorApplicationsController } from './exhibitor-applications.controller';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';
import { ExhibitorApplicationsService } from './exhibitor-applications.service';
import { applicationStatusMail } from './mail/application-status.mail';
import { applicationSubmittedMail } from './mail/application-submitted.mail';
import { boothsAssignedMail } from './mail/booths-assigned.mail';
import { ExhibitorPagesController, ExhibitorUploadPagesController } from './pages/exhibitor-pages.controller';
import { ReviewConsoleController } from './pages/review-console.controller';
import { UploadsService } from './uploads.service';

/**
 * The exhibitors area's read API (ExhibitorsDirectory) for the floors above, who import this module.
 * A static module of its own, so that importing it never pulls in the exhibitors' controllers.
 */
@Module({ providers: [ExhibitorsDirectoryRepository, ExhibitorsDirectory], exports: [ExhibitorsDirectory] })
export class ExhibitorsDirectoryModule {}

/** Exhibiting companies, their accounts and applications, the organizers' review, booths and fees. */
@Module({
  imports: [FairsModule],
  controllers: [
    ExhibitorApplicationsController, ExhibitorAccountsController, CompanyController, CompanyApplicationsController,
    ApplicationReviewController, ExhibitionController, ExhibitorPagesController, ExhibitorUploadPagesController, ReviewConsoleController,
  ],
  providers: [
    AccountsService, ExhibitorApplicationsRepository, ExhibitorApplicationsService, CompaniesRepository, CompaniesService,
    CompanyApplicationsService, ApplicationWorkflow, ApplicationViews, ApplicationReviewService, BoothsRepository, BoothsService,
    UploadsService, ExhibitionSeeder,
  ],
  exports: [CompaniesService],
})
export class ExhibitorsModule implements OnModuleInit {
  constructor(private readonly mailTemplates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.mailTemplates.register(applicationSubmittedMail);
    this.mailTemplates.register(applicationStatusMail);
    this.mailTemplates.register(boothsAssignedMail);
    this.mailTemplates.register(emailConfirmationMail);
    this.mailTemplates.register(passwordResetMail);
    this.mailTemplates.register(invitationMail);
  }
}
