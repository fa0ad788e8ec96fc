import type { UserView } from '@firstline/contracts';
import type { User } from './user.entity';

/** The user as the API shows them; the unit's name comes from the units feature. */
export function mapUser(user: User, unitName: string | null): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    serviceNumber: user.serviceNumber,
    unitId: user.unitId,
    unitName,
    language: user.language,
    active: user.active,
  };
}
