import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One organizer write request: set by AuditInterceptor around the handler, marked by AuditTrail
 * when a service recorded the action itself (with before → after), so the interceptor's generic
 * route entry is left out and no action is logged twice.
 */
export const auditContext = new AsyncLocalStorage<{ recorded: boolean }>();

/** The request changed nothing (an idempotent repeat, a refused form post): no entry, not even the route's. */
export function markNothingChanged(): void {
  const request = auditContext.getStore();
  if (request) request.recorded = true;
}
