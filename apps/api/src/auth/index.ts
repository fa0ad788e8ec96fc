// The auth feature's public surface: what other features and the app module may import.
export { AuthModule } from './auth.module';
export { AuthGuard } from './auth.guard';
