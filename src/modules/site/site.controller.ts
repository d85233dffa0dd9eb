import { Controller, Get, Header, Param, Redirect, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { Public } from '../../core/auth/roles.decorator';
import { AppConfig } from '../../core/config/app-config';
import { pageContext, rememberLang, sendPage } from '../../core/web/console-context';
import { FAVICON_SVG } from '../../core/web/site-frame';
import { SitePageFilter } from './site-page.filter';
import { SiteService } from './site.service';
import { editionPageView, editionPath, frontDoorView } from './site.view-model';
import { renderEditionPage, renderFrontDoor } from './site.view';

/**
 * The public front door: the fairs and their editions, each edition's page, the favicon. No query
 * DTO: a public page ignores what it does not know (?utm_…), and reads only ?lang=.
 */
@ApiExcludeController()
@Controller()
@UseFilters(SitePageFilter)
export class SiteController {
  constructor(
    private readonly site: SiteService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async frontDoor(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    rememberLang(req, res, this.config);
    const { lang, langHref } = pageContext(req, this.config, (l) => `/?lang=${l}`);
    sendPage(res, 200, renderFrontDoor(lang, langHref, frontDoorView(await this.site.frontDoor(), lang)));
  }

  @Get('fairs/:code')
  @Public()
  async edition(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string): Promise<void> {
    rememberLang(req, res, this.config);
    const { lang, langHref } = pageContext(req, this.config, (l) => `${editionPath(code)}?lang=${l}`);
    sendPage(res, 200, renderEditionPage(lang, langHref, editionPageView(await this.site.editionPage(code), lang)));
  }

  @Get('favicon.svg')
  @Public()
  @Header('Content-Type', 'image/svg+xml')
  @Header('Cache-Control', 'public, max-age=604800, immutable')
  favicon(): string {
    return FAVICON_SVG;
  }

  @Get('favicon.ico')
  @Public()
  @Header('Cache-Control', 'public, max-age=604800')
  @Redirect('/favicon.svg', 301)
  faviconIco(): void {}
}
