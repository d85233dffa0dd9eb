import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '../errors/domain-error';
import type { Role } from './entities/account.entity';
import { EditionScopes } from './edition-scopes';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { SessionsService } from './sessions.service';
import { staffMayAct, type StaffTarget } from './staff-access';
import { STAFF_ROLES_KEY, type StaffRulesMeta } from './staff-roles.decorator';

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
    private readonly scopes: EditionScopes,
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
    if (request.principal.role === 'organizer') await this.checkStaffRoles(request, this.reflector.getAllAndOverride<StaffRulesMeta | undefined>(STAFF_ROLES_KEY, targets));
    return true;
  }

  /**
   * The organizer's team roles for the edition the route acts on (see StaffScope). An organizer
   * route without @StaffRoles is for organization admins only: a forgotten decorator fails closed.
   */
  private async checkStaffRoles(request: AuthenticatedRequest, rules: StaffRulesMeta | undefined): Promise<void> {
    const principal = request.principal!;
    if (rules?.scope === 'self') return;
    const { target, label } = await this.targetOf(request, rules).catch((error: unknown) => {
      // An organization admin meets the route's own answer to an unknown edition or id.
      if (principal.orgAdmin && error instanceof DomainError) return { target: 'organization' as const, label: '' };
      throw error;
    });
    request.staffScope = { editionId: typeof target === 'object' ? target.edition : null };
    if (staffMayAct({ orgAdmin: principal.orgAdmin, grants: principal.staffGrants }, rules?.roles ?? [], target)) return;
    const needed = [...(rules?.roles ?? []), 'admin'].join(' or ');
    throw new DomainError(ErrorCode.Forbidden, `Your team roles do not allow this: it needs the ${needed} role ${label}.`, {
      reason: 'staff-role',
      staffRoles: rules?.roles ?? [],
    });
  }

  private async targetOf(request: AuthenticatedRequest, rules: StaffRulesMeta | undefined): Promise<{ target: StaffTarget; label: string }> {
    if (!rules || rules.scope === 'organization') return { target: 'organization', label: 'of the organization' };
    if (rules.scope === 'any') return { target: 'any', label: 'in some edition' };
    const params = request.params as Record<string, string | undefined>;
    if (rules.scope === 'edition') {
      const query = request.query.edition;
      const code = params.code ?? params.edition ?? (typeof query === 'string' && query !== '' ? query : undefined);
      if (code === undefined) return { target: 'any', label: 'in some edition' };
      const edition = await this.scopes.resolve('edition', code);
      if (!edition) throw new DomainError(ErrorCode.NotFound, `There is no edition ${code}.`);
      return { target: { edition }, label: `for edition ${code}` };
    }
    const value = params[rules.param];
    if (value === undefined) throw new Error(`@StaffRoles scope ${rules.scope} reads the route parameter ${rules.param}, which ${request.path} lacks`);
    const edition = await this.scopes.resolve(rules.scope, value);
    if (edition === undefined) throw new DomainError(ErrorCode.NotFound, `There is no ${rules.scope} ${value}.`);
    return edition === null ? { target: 'any', label: 'in some edition' } : { target: { edition }, label: `for the edition of this ${rules.scope}` };
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
