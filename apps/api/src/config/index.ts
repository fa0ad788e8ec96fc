// Configuration: the validated environment, its Nest module, and the access-token signing key.
export { type AppConfig } from './config';
export { ConfigModule } from './config.module';
export { JWT_SECRET } from './jwt-secret';
