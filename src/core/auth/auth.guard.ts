import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '../errors/domain-error';
import type { Role } from './entities/account.entity';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = 'fairgate_session';

/**
 * The one guard of every route. A route must say @Public() or @Roles(...); one that says
 * neither is refused (a forgotten decorator must fail closed, and a test lists them all).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The session cookie is for the server-rendered pages only (their forms carry CSRF tokens);
    // the API takes bearer tokens, so a third-party page cannot act with a visitor's cookie.
    const token = bearerToken(request) ?? (isPagePath(request.path) ? cookieToken(request) : undefined);
    if (token) request.principal = await this.sessions.resolve(token);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new DomainError(ErrorCode.Forbidden, 'This route declares no access rule.');
    if (!request.principal) throw new DomainError(ErrorCode.Unauthenticated, 'Log in first: send Authorization: Bearer <token>.');
    if (!roles.includes(request.principal.role)) {
      throw new DomainError(ErrorCode.Forbidden, `Only ${roles.join(' or ')} accounts may do this.`);
    }
    return true;
  }
}

function isPagePath(path: string): boolean {
  return path.startsWith('/console') || path.startsWith('/exhibitor');
}

function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.header('authorization');
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(header) : null;
  return match?.[1];
}

function cookieToken(request: AuthenticatedRequest): string | undefined {
  const cookie = request.header('cookie');
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}
