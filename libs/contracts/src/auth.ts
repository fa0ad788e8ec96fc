import { z } from 'zod';
import { Language, Role } from './taxonomy';
import { nameText } from './text';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  serviceNumber: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  language: Language,
  active: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const LoginResponse = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: UserView,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10).max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const UpdateMeRequest = z.strictObject({
  language: Language.optional(),
  displayName: nameText(120).optional(),
});
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

/** Route paths shared by API and web. */
export const API_PREFIX = '/api';
export const REFRESH_COOKIE = 'fl_refresh';
