// Request and response shapes of sign-in and the signed-in user’s own account.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';

export class LoginDto extends createZodDto(c.LoginRequest) {}
export class LoginResponseDto extends createZodDto(c.LoginResponse) {}
export class UpdateMeDto extends createZodDto(c.UpdateMeRequest) {}
export class ChangePasswordDto extends createZodDto(c.ChangePasswordRequest) {}
