// Nest DTO classes made from the shared zod schemas in @firstline/contracts: one schema validates the request,
// serialises the response and documents both in OpenAPI.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class LoginDto extends createZodDto(c.LoginRequest) {}
export class LoginResponseDto extends createZodDto(c.LoginResponse) {}
export class UserViewDto extends createZodDto(c.UserView) {}
export class UserPageDto extends createZodDto(c.Page(c.UserView)) {}
export class UpdateMeDto extends createZodDto(c.UpdateMeRequest) {}
export class ChangePasswordDto extends createZodDto(c.ChangePasswordRequest) {}
export class HealthDto extends createZodDto(c.HealthResponse) {}

export class UnitViewDto extends createZodDto(c.UnitView) {}
export class CreateUnitDto extends createZodDto(c.CreateUnitRequest) {}
export class UpdateUnitDto extends createZodDto(c.UpdateUnitRequest) {}

export class CreateUserDto extends createZodDto(c.CreateUserRequest) {}
export class UpdateUserDto extends createZodDto(c.UpdateUserRequest) {}
export class UserListQueryDto extends createZodDto(c.UserListQuery) {}
export class ListQueryDto extends createZodDto(c.ListQuery) {}
export class ImportResultDto extends createZodDto(c.ImportResult) {}

export class CohortViewDto extends createZodDto(c.CohortView) {}
export class CreateCohortDto extends createZodDto(c.CreateCohortRequest) {}
export class UpdateCohortDto extends createZodDto(c.UpdateCohortRequest) {}
export class CohortMembersDto extends createZodDto(c.CohortMembersRequest) {}

export class IdParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'id must be a UUID' }) })) {}
export class MemberParamDto extends createZodDto(
  z.strictObject({ id: z.uuid({ message: 'id must be a UUID' }), userId: z.uuid({ message: 'userId must be a UUID' }) }),
) {}

export class AuditPageDto extends createZodDto(c.Page(c.AuditEntryView)) {}
export class AuditQueryDto extends createZodDto(c.AuditQuery) {}

export class MediaAssetViewDto extends createZodDto(c.MediaAssetView) {}
const mediaToken = z.string().min(1).max(1024); // judged by the signature check (a bad token is a 403, not a 400)
export class MediaFileParamDto extends createZodDto(z.strictObject({ token: mediaToken, file: z.string().max(40) })) {}
export class MediaTileParamDto extends createZodDto(z.strictObject({ token: mediaToken, level: z.string().regex(/^\d{1,2}$/), tile: z.string().regex(/^\d{1,5}_\d{1,5}\.webp$/) })) {}

export class SpecimenViewDto extends createZodDto(c.SpecimenView) {}
export class SpecimenPageDto extends createZodDto(c.Page(c.SpecimenSummary)) {}
export class CreateSpecimenDto extends createZodDto(c.CreateSpecimenRequest) {}
export class UpdateSpecimenDto extends createZodDto(c.UpdateSpecimenRequest) {}
export class SpecimenListQueryDto extends createZodDto(c.SpecimenListQuery) {}
export class ReplaceFeaturesDto extends createZodDto(c.ReplaceFeaturesRequest) {}
export class SpecimenImageViewDto extends createZodDto(c.SpecimenImageView) {}
export class SpecimenImageParamDto extends createZodDto(
  z.strictObject({ id: z.uuid({ message: 'id must be a UUID' }), imageId: z.uuid({ message: 'imageId must be a UUID' }) }),
) {}
