// Request and response shapes of the users feature (accounts and the trainee CSV import).
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class UserViewDto extends createZodDto(c.UserView) {}
export class UserPageDto extends createZodDto(c.Page(c.UserView)) {}
export class CreateUserDto extends createZodDto(c.CreateUserRequest) {}
export class UpdateUserDto extends createZodDto(c.UpdateUserRequest) {}
export class UserListQueryDto extends createZodDto(c.UserListQuery) {}
export class ImportResultDto extends createZodDto(c.ImportResult) {}
