// Deny by default: a route is reachable only if it is @Public() or the caller holds one of its @Roles().
import type { Role } from '@firstline/contracts';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Actor } from '../common/decorators/actor';
import { PUBLIC_KEY, ROLES_KEY } from '../common/decorators/roles.decorator';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users';

export interface AccessClaims {
  sub: string;
  role: Role;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new DomainError('forbidden', 'This route declares no access rule');

    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match) throw new DomainError('unauthorized', 'Sign in required');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('unauthorized', 'Session expired or invalid; sign in again');
    }
    // Re-read role, unit and status so a deactivated user or a role change takes effect at once.
    const user = await this.users.actor(claims.sub);
    if (!user || !user.active) throw new DomainError('unauthorized', 'Session expired or invalid; sign in again');
    if (!roles.includes(user.role)) throw new DomainError('forbidden', 'Your role may not do this');
    req.actor = { id: user.id, role: user.role, unitId: user.unitId };
    return true;
  }
}
