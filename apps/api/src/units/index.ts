// The units feature's public surface: what other features and the app module may import.
export { UnitsModule } from './units.module';
export { UnitsService } from './units.service';
export { UnitMembers, type UnitMembersSource } from './unit-members';
