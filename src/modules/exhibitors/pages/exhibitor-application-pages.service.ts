import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../core/auth/principal';
import { CsrfRejected, sessionBinding, verifyCsrfToken } from '../../../core/web/csrf';
import { UploadsService, type IncomingFile } from '../applications/uploads.service';
import type { UploadKind } from '../entities/exhibitor-upload.entity';
import { applicationValues, parseApplication, type ApplicationForm, type CancelForm, type EmptyForm } from './exhibitor-pages.forms';
import { PAGES } from './exhibitor-pages.view';
import { applicationRefusal, newApplicationValues, savedFlash, uploadRefusal } from './exhibitor-pages.view-model';
import { ExhibitorPageSupport, go, orThrow, show, type PageOutcome, type PageRequest } from './exhibitor-page-support';
import { flashOf } from './flash-messages';

/**
 * The company's application pages, one method per handler: a new application, its status page
 * (with the form while it may be edited), its withdrawal and its files.
 */
@Injectable()
export class ExhibitorApplicationPages {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly uploads: UploadsService,
  ) {}

  async newForm(p: PageRequest, principal: Principal, edition: string | undefined): Promise<PageOutcome> {
    return show(await this.support.newApplicationPage(p.ctx, edition ?? '', newApplicationValues(principal), {}));
  }

  async create(p: PageRequest, principal: Principal, form: ApplicationForm): Promise<PageOutcome> {
    const { ctx } = p;
    const edition = form.edition ?? '';
    const values = applicationValues(form);
    const parsed = parseApplication(values, ctx.t);
    if (!parsed.ok) return show(await this.support.newApplicationPage(ctx, edition, values, parsed.errors), 400);
    try {
      const created = await this.support.applications.create(principal, { ...parsed.dto, edition, submit: form.intent === 'submit' });
      return go(PAGES.application(created.id), savedFlash(created.status !== 'draft'));
    } catch (error) {
      const refusal = orThrow(applicationRefusal(error, ctx.t), error);
      return show(await this.support.newApplicationPage(ctx, edition, values, refusal.errors, refusal.message), refusal.status);
    }
  }

  async show(p: PageRequest, principal: Principal, id: string, flash: unknown): Promise<PageOutcome> {
    return show(await this.support.applicationPage(p.ctx, principal, id, { flash: flashOf(p.ctx.t, flash) }));
  }

  async update(p: PageRequest, principal: Principal, id: string, form: ApplicationForm): Promise<PageOutcome> {
    const { ctx } = p;
    const values = applicationValues(form);
    const parsed = parseApplication(values, ctx.t);
    if (!parsed.ok) return show(await this.support.applicationPage(ctx, principal, id, { values, errors: parsed.errors }), 400);
    const submit = form.intent === 'submit';
    try {
      await this.support.applications.update(principal, id, parsed.dto);
      if (submit) await this.support.applications.submit(principal, id);
    } catch (error) {
      const refusal = orThrow(applicationRefusal(error, ctx.t), error);
      return show(await this.support.applicationPage(ctx, principal, id, { values, errors: refusal.errors, message: refusal.message }), refusal.status);
    }
    return go(PAGES.application(id), savedFlash(submit));
  }

  async withdraw(p: PageRequest, principal: Principal, id: string, form: CancelForm): Promise<PageOutcome> {
    const { ctx } = p;
    if (form.confirm !== 'yes') return show(await this.support.applicationPage(ctx, principal, id, { cancelError: ctx.t('required') }), 400);
    try {
      await this.support.applications.cancel(principal, id, null);
    } catch (error) {
      const refusal = orThrow(applicationRefusal(error, ctx.t), error);
      return show(await this.support.applicationPage(ctx, principal, id, { cancelError: refusal.message }), refusal.status);
    }
    return go(PAGES.application(id), 'cancelled');
  }

  /**
   * A logo or brochure. Guards run before interceptors, so a CsrfGuard would see no body yet:
   * the token is checked here, after multer has read the multipart fields.
   */
  async upload(p: PageRequest, principal: Principal, id: string, kind: UploadKind, form: EmptyForm, file: IncomingFile | undefined): Promise<PageOutcome> {
    if (!verifyCsrfToken(this.support.config.appSecret, sessionBinding(principal.sessionId), form._csrf)) throw new CsrfRejected();
    try {
      await this.uploads.put(principal, id, kind, file);
    } catch (error) {
      const refusal = orThrow(uploadRefusal(error, p.ctx.t), error);
      return show(await this.support.applicationPage(p.ctx, principal, id, { uploadError: { kind, text: refusal.text } }), refusal.status);
    }
    return go(PAGES.application(id), 'uploaded');
  }
}
