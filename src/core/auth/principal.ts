import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './entities/account.entity';

/** Who is calling: set by the AuthGuard from the bearer token or the console cookie. */
export interface Principal {
  accountId: string;
  sessionId: string;
  role: Role;
  email: string;
  displayName: string;
  locale: 'ko' | 'en';
}

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The caller of a route guarded by @Roles (always set there). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
});
