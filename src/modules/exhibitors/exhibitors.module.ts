import { ApplicationEditionScope } from './applications/application-edition-scope';
import { Module, OnModuleInit } from '@nestjs/common';
import { VenueDirectoryModule } from '../venue/venue.module';
import { AccountsService } from '../../core/auth/accounts.service';
import { emailConfirmationMail, invitationMail, passwordResetMail } from '../../core/auth/mail/account-mails';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { FairsModule } from '../fairs/fairs.module';
import { ApplicationReviewController } from './applications/application-review.controller';
import { ApplicationReviewService } from './applications/application-review.service';
import { ApplicationViews } from './applications/application-views';
import { ApplicationWorkflow } from './applications/application-workflow.service';
import { BoothsRepository } from './booths/booths.repository';
import { BoothsService } from './booths/booths.service';
import { CompaniesRepository } from './companies/companies.repository';
import { CompaniesService } from './companies/companies.service';
import { CompanyApplicationsController } from './applications/company-applications.controller';
import { CompanyApplicationsService } from './applications/company-applications.service';
import { CompanyController } from './companies/company.controller';
import { ExhibitionController } from './booths/exhibition.controller';
import { ExhibitionSeeder } from './booths/exhibition.seeder';
import { ExhibitorAccountsController } from './companies/exhibitor-accounts.controller';
import { ExhibitorsDirectory } from './exhibitors-directory';
import { ExhibitorsDirectoryRepository } from './exhibitors-directory.repository';
import { ExhibitorApplicationsController } from './applications/exhibitor-applications.controller';
import { ExhibitorApplicationsRepository } from './applications/exhibitor-applications.repository';
import { ExhibitorApplicationsService } from './applications/exhibitor-applications.service';
import { applicationStatusMail } from './mail/application-status.mail';
import { applicationSubmittedMail } from './mail/application-submitted.mail';
import { boothsAssignedMail } from './mail/booths-assigned.mail';
import { ExhibitorAccountPagesController } from './pages/exhibitor-account-pages.controller';
import { ExhibitorApplicationPagesController } from './pages/exhibitor-application-pages.controller';
import { ExhibitorUploadPagesController } from './pages/exhibitor-upload-pages.controller';
import { ReviewConsoleService } from './pages/review-console.service';
import { BoothPlanConsoleController } from './pages/booth-plan-console.controller';
import { BoothPlanConsoleService } from './pages/booth-plan-console.service';
import { ReviewConsoleController } from './pages/review-console.controller';
import { ExhibitorAccountPages } from './pages/exhibitor-account-pages.service';
import { ExhibitorApplicationPages } from './pages/exhibitor-application-pages.service';
import { ExhibitorPageSupport } from './pages/exhibitor-page-support';
import { UploadsService } from './applications/uploads.service';
import { BillingRepository } from './billing/billing.repository';
import { BillingService } from './billing/billing.service';
import { CompanyBillingController, EditionInvoicesController } from './billing/billing.controller';
import { BillingConsoleController } from './billing/pages/billing-console.controller';
import { ExhibitorInvoicePagesController } from './billing/pages/exhibitor-invoice-pages.controller';
import { BillingProfilePagesController } from './billing/pages/billing-profile-pages.controller';
import { BillingPages } from './billing/pages/billing-pages.service';
import { billingInvoiceIssuedMail, billingPaymentReceivedMail, billingQuoteMail, billingRefundMail, billingReminderMail } from './billing/mail/billing.mails';
import { PdfFonts } from '../../core/pdf/pdf-fonts';

/**
 * The exhibitors area's read API (ExhibitorsDirectory) for the floors above, who import this module.
 * A static module of its own, so that importing it never pulls in the exhibitors' controllers.
 */
@Module({ providers: [ExhibitorsDirectoryRepository, ExhibitorsDirectory], exports: [ExhibitorsDirectory] })
export class ExhibitorsDirectoryModule {}

/** Exhibiting companies, their accounts and applications, the organizers' review, booths and fees. */
@Module({
  imports: [FairsModule, VenueDirectoryModule],
  controllers: [
    ExhibitorApplicationsController, ExhibitorAccountsController, CompanyController, CompanyApplicationsController,
    ApplicationReviewController, ExhibitionController,
    ExhibitorAccountPagesController, ExhibitorApplicationPagesController, ExhibitorUploadPagesController, ReviewConsoleController,
    BoothPlanConsoleController, EditionInvoicesController, CompanyBillingController, BillingConsoleController, ExhibitorInvoicePagesController, BillingProfilePagesController,
  ],
  providers: [
    AccountsService, ExhibitorApplicationsRepository, ExhibitorApplicationsService, CompaniesRepository, CompaniesService,
    CompanyApplicationsService, ApplicationWorkflow, ApplicationViews, ApplicationReviewService, BoothsRepository, BoothsService,
    UploadsService, ExhibitionSeeder, ReviewConsoleService, BoothPlanConsoleService,
    ExhibitorPageSupport, ExhibitorAccountPages, ExhibitorApplicationPages, ApplicationEditionScope,
    BillingRepository, BillingService, BillingPages, PdfFonts,
  ],
  exports: [CompaniesService, BillingService],
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
    this.mailTemplates.register(billingQuoteMail);
    this.mailTemplates.register(billingInvoiceIssuedMail);
    this.mailTemplates.register(billingPaymentReceivedMail);
    this.mailTemplates.register(billingReminderMail);
    this.mailTemplates.register(billingRefundMail);
  }
}
