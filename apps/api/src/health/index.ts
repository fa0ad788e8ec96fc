// The health feature's public surface: what the app module imports.
export { HealthModule } from './health.module';
