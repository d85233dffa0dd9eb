import { Catch, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { AppConfig } from '../../core/config/app-config';
import type { ErrorBody } from '../../core/errors/error-body';
import { pageContext, sendPage } from '../../core/web/console-context';
import { html } from '../../core/web/html';
import { translator, type Catalogue } from '../../core/web/i18n';
import { PageErrorFilter } from '../../core/web/page-error-filter';
import { renderSitePage } from '../../core/web/site-frame';

const WORDS: Catalogue<'notFound' | 'notFoundText' | 'error' | 'errorText' | 'home'> = {
  ko: { notFound: '찾을 수 없습니다', notFoundText: '요청한 박람회나 페이지가 없습니다.', error: '오류', errorText: '요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요.', home: '박람회 목록으로' },
  en: { notFound: 'Not found', notFoundText: 'There is no such fair or page.', error: 'Error', errorText: 'The request could not be processed. Try again in a moment.', home: 'To the list of fairs' },
};

/** The public site's errors as pages of the site, in the visitor's language. */
@Catch()
@Injectable()
export class SitePageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, {});
  }

  protected renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void {
    const { lang } = pageContext(request, this.config, () => '/');
    const t = translator(WORDS, lang);
    const notFound = body.statusCode === 404;
    const page = renderSitePage({
      lang,
      langHref: (l) => `${request.path}?lang=${l}`,
      title: notFound ? t('notFound') : t('error'),
      body: html`<h1>${notFound ? t('notFound') : t('error')}</h1><p role="alert">${notFound ? t('notFoundText') : t('errorText')}</p><p><a href="/?lang=${lang}">${t('home')}</a></p>`,
      noindex: true,
    });
    sendPage(response, body.statusCode, page);
  }
}
