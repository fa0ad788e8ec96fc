import type { Role } from '@firstline/contracts';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The signed-in user making a request, as the access token states it (and the guard re-checked it). */
export interface Actor {
  id: string;
  role: Role;
  unitId: string | null;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a route without an authenticated actor');
  return req.actor;
});
