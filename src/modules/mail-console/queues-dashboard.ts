import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import type { DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../../core/auth/auth.guard';
import { SessionsService } from '../../core/auth/sessions.service';
import { staffMayAct } from '../../core/auth/staff-access';
import { Queues } from '../../core/queue/job-catalogue';
import { consoleLoginUrl } from '../../core/web/console-context';
import { parseCookies } from '../../core/web/cookies';
import { QUEUES_PAGE } from './pages/mail-console.view';

/**
 * Express middleware in front of the queue dashboard. bull-board mounts a raw Express router that
 * Nest's guards never see, so this resolves the console's session cookie itself and lets only
 * organizers through; anyone else is sent to the console login, which returns to the dashboard. (Its write actions are fetch()
 * calls with JSON bodies from the same origin; the cookie is SameSite=Lax, so another site's page
 * cannot make them with an organizer's session.)
 */
export function organizerOnly(sessions: SessionsService): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const token = parseCookies(req.header('cookie')).get(SESSION_COOKIE);
    const check = token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? sessions.resolve(token) : Promise.resolve(undefined);
    check.then(
      (principal) => {
        // The queues are the whole organization's: organization admins and edition admins.
        if (principal?.role === 'organizer' && staffMayAct({ orgAdmin: principal.orgAdmin, grants: principal.staffGrants }, ['admin'], 'any')) return next();
        res.setHeader('Cache-Control', 'no-store');
        // The dashboard's own API calls return to the dashboard page, not to a JSON address.
        res.redirect(303, consoleLoginUrl(req.originalUrl.startsWith(`${QUEUES_PAGE}/api/`) ? QUEUES_PAGE : req.originalUrl));
      },
      (error: unknown) => next(error),
    );
  };
}

/** bull-board at /console/queues, showing every Fairgate queue, for organizers only. */
export function queuesDashboardModules(): DynamicModule[] {
  return [
    BullBoardModule.forRootAsync({
      useFactory: (sessions: SessionsService) => ({
        route: QUEUES_PAGE,
        adapter: ExpressAdapter,
        middleware: organizerOnly(sessions),
        boardOptions: { uiConfig: { boardTitle: 'Fairgate queues' } },
      }),
      inject: [SessionsService],
    }),
    BullBoardModule.forFeature(...Object.values(Queues).map((name) => ({ name, adapter: BullMQAdapter }))),
  ];
}
