import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One organizer write request: set by AuditInterceptor around the handler, marked by AuditTrail
 * when a service recorded the action itself (with before → after), so the interceptor's generic
 * route entry is left out and no action is logged twice.
 */
export const auditContext = new AsyncLocalStorage<{ recorded: boolean }>();

/**
 * The interceptor's generic route entry is not wanted for this request: its service recorded the
 * action itself, or nothing changed (an idempotent repeat, a refused form post).
 */
export function skipRouteEntry(): void {
  const request = auditContext.getStore();
  if (request) request.recorded = true;
}
