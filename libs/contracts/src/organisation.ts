// Units, users and cohorts: request and response shapes.
import { z } from 'zod';
import { RowError } from './errors';
import { Language, Role } from './taxonomy';
import { nameText } from './text';

const name = nameText(160);
export const ServiceNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/-]{2,31}$/, 'service number: 3–32 letters, digits, "-" or "/"');
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 lowercase letters, digits, ".", "_" or "-"');

export const UnitView = z.object({ id: z.uuid(), name: z.string(), code: z.string(), userCount: z.number().int() });
export type UnitView = z.infer<typeof UnitView>;
export const CreateUnitRequest = z.strictObject({
  name,
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,16}$/, 'code: 2–16 capitals, digits or "-"'),
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;
export const UpdateUnitRequest = CreateUnitRequest.partial();
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequest>;

export const CreateUserRequest = z.strictObject({
  username: Username,
  displayName: name,
  role: Role,
  unitId: z.uuid().nullable().optional(),
  serviceNumber: ServiceNumber.nullable().optional(),
  language: Language.default('en'),
  password: z.string().min(10).max(256),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export const UpdateUserRequest = z.strictObject({
  displayName: name.optional(),
  role: Role.optional(),
  unitId: z.uuid().nullable().optional(),
  serviceNumber: ServiceNumber.nullable().optional(),
  language: Language.optional(),
  active: z.boolean().optional(),
  password: z.string().min(10).max(256).optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().trim().max(100).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;
export const UserListQuery = ListQuery.extend({ role: Role.optional(), unitId: z.uuid().optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;

export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export const CohortView = z.object({
  id: z.uuid(),
  name: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  instructorIds: z.array(z.uuid()),
  memberCount: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});
export type CohortView = z.infer<typeof CohortView>;
const isoDate = z.iso.date();
export const CreateCohortRequest = z.strictObject({
  name,
  unitId: z.uuid(),
  instructorIds: z.array(z.uuid()).max(20).optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
});
export type CreateCohortRequest = z.infer<typeof CreateCohortRequest>;
export const UpdateCohortRequest = CreateCohortRequest.partial();
export type UpdateCohortRequest = z.infer<typeof UpdateCohortRequest>;
export const CohortMembersRequest = z.strictObject({ userIds: z.array(z.uuid()).min(1).max(500) });
export type CohortMembersRequest = z.infer<typeof CohortMembersRequest>;

/** Columns of the trainee CSV import, in order. `cohort` and `language` may be empty. */
export const TRAINEE_CSV_COLUMNS = ['service_number', 'name', 'unit', 'cohort', 'language'] as const;
export const ImportResult = z.object({
  created: z.number().int(),
  /** Usernames are derived from service numbers; initial passwords are returned once so they can be handed out. */
  users: z.array(
    z.object({ username: z.string(), serviceNumber: z.string(), displayName: z.string(), initialPassword: z.string() }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;
export const ImportErrorDetails = z.object({ errors: z.array(RowError) });
export type ImportErrorDetails = z.infer<typeof ImportErrorDetails>;
