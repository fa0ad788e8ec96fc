import type { UserView } from '@firstline/contracts';
import type { User } from './user.entity';

export function mapUser(user: User, unitName?: string | null): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    serviceNumber: user.serviceNumber,
    unitId: user.unitId,
    unitName: unitName ?? user.unit?.name ?? null,
    language: user.language,
    active: user.active,
  };
}
