// The users feature's public surface: what other features and the app module may import.
export { UserViewDto } from './users.dto';
export { hashPassword, verifyPassword } from './passwords';
export { UsersModule } from './users.module';
export type { UserName } from './users.repository';
export { UsersService, type Account } from './users.service';
