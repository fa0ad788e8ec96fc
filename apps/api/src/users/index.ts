// The users feature's public surface: what other features and the app module may import.
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
