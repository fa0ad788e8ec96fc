import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { JwtService } from '@nestjs/jwt';
import { Public, Roles } from '../common/decorators/roles.decorator';
import { DomainError } from '../common/errors/domain-error';
import type { UsersService } from '../users';
import { AuthGuard } from './auth.guard';

class Sample {
  @Public() open() {}
  @Roles('admin') adminOnly() {}
  undeclared() {}
}

function ctxFor(handler: keyof Sample, authorization?: string): ExecutionContext {
  const req = { headers: authorization ? { authorization } : {} };
  return {
    getHandler: () => Sample.prototype[handler],
    getClass: () => Sample,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard (deny by default)', () => {
  const jwt = { verifyAsync: jest.fn(async () => ({ sub: 'u1', role: 'admin' })) } as unknown as JwtService;
  const users = {
    actor: jest.fn(async () => ({ id: 'u1', role: 'trainee', unitId: null, active: true })),
  } as unknown as UsersService;
  const guard = new AuthGuard(new Reflector(), jwt, users);

  it('lets anyone through a @Public() route', async () => {
    await expect(guard.canActivate(ctxFor('open'))).resolves.toBe(true);
  });

  it('denies a route that declares no roles, even to a signed-in user', async () => {
    await expect(guard.canActivate(ctxFor('undeclared', 'Bearer a.b.c'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('asks for sign-in without a bearer token', async () => {
    await expect(guard.canActivate(ctxFor('adminOnly'))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('checks the role stored in the database, not the one claimed in the token', async () => {
    const err = await guard.canActivate(ctxFor('adminOnly', 'Bearer a.b.c')).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('forbidden');
  });
});
