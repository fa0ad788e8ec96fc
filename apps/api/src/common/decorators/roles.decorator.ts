// Every route declares who may call it: @Roles(...) for signed-in users with one of those roles, or @Public().
// The AuthGuard denies any route that declares neither.
import type { Role } from '@firstline/contracts';
import { SetMetadata } from '@nestjs/common';

export const ROLES_KEY = 'firstline:roles';
export const PUBLIC_KEY = 'firstline:public';

export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Any signed-in user, whatever the role. */
export const AnyRole = () => SetMetadata(ROLES_KEY, ['trainee', 'instructor', 'supervisor', 'admin'] satisfies Role[]);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
