// Configuration: the validated environment, its Nest module, and the access-token signing key.
export { APP_CONFIG, ConfigError, loadConfig, type AppConfig } from './config';
export { ConfigModule } from './config.module';
export { JWT_SECRET, resolveJwtSecret } from './jwt-secret';
