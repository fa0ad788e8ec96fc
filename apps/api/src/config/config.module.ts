// Makes the validated configuration and the access-token signing key injectable everywhere.
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from './config';
import { JWT_SECRET, resolveJwtSecret } from './jwt-secret';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JWT_SECRET, useFactory: () => resolveJwtSecret(config) },
      ],
      exports: [APP_CONFIG, JWT_SECRET],
    };
  }
}
