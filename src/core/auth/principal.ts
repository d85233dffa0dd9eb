import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './entities/account.entity';
import type { StaffGrant } from './staff-access';

/** Who is calling: set by the AuthGuard from the bearer token or the console cookie. */
export interface Principal {
  accountId: string;
  sessionId: string;
  role: Role;
  email: string;
  displayName: string;
  locale: 'ko' | 'en';
  /** An organizer who runs the whole organization (every edition, the team, the audit log). */
  orgAdmin: boolean;
  /** An organizer's roles per edition, read fresh on every request (a change bites at once). */
  staffGrants: StaffGrant[];
}

/** The edition an organizer route acted on, as the staff check resolved it (the audit log's scope). */
export interface StaffScopeOfRequest {
  editionId: string | null;
}

export type AuthenticatedRequest = Request & { principal?: Principal; staffScope?: StaffScopeOfRequest };

/** The caller of a route guarded by @Roles (always set there). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
});
