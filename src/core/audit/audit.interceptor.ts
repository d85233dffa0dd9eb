import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, mergeMap } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/principal';
import { auditContext } from './audit-context';
import { AuditTrail } from './audit-trail';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The audit log's safety net: every successful write of an organizer (API or console form) lands
 * in audit_entries as `route.<METHOD> <route>` with its parameters and edition scope, so no action
 * can be forgotten. A service that records the action itself (with before → after, in its
 * transaction) marks the request through auditContext, and then this generic entry is left out.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('audit');

  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!WRITES.has(request.method) || request.principal?.role !== 'organizer') return next.handle();
    const store = { recorded: false };
    return new Observable((subscriber) =>
      auditContext.run(store, () =>
        next.handle().pipe(mergeMap(async (value: unknown) => {
          if (!store.recorded && response.statusCode < 400) await this.recordRoute(request);
          return value;
        })).subscribe(subscriber),
      ),
    );
  }

  private async recordRoute(request: AuthenticatedRequest): Promise<void> {
    const principal = request.principal!;
    const route = `${request.baseUrl}${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    try {
      await this.audit.record(this.dataSource.manager, {
        actor: { accountId: principal.accountId, email: principal.email },
        scopeId: request.staffScope?.editionId ?? null,
        action: `route.${request.method} ${route}`,
        subjectType: 'route',
        subjectId: typeof request.params.id === 'string' ? request.params.id : null,
        after: { params: { ...request.params } },
      });
    } catch (error) {
      // The change itself has committed; a lost log line must not turn it into an error.
      this.logger.error({ err: error, route }, 'could not record the audit entry of an organizer write');
    }
  }
}
