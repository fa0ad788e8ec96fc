import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JWT_SECRET, resolveJwtSecret } from './auth/jwt-secret';
import { AttemptsModule } from './attempts/attempts.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { AuthGuard } from './common/auth.guard';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { AppConfig, APP_CONFIG } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { ExercisesModule } from './exercises/exercises.module';
import { HealthController } from './health/health.controller';
import { MediaModule } from './media/media.module';
import { SpecimensModule } from './specimens/specimens.module';
import { MrzModule } from './mrz/mrz.controller';
import { DemoContentModule } from './seed';
import { ModulesModule } from './modules/modules.module';
import { UnitsModule } from './units/units.module';
import { User } from './users/user.entity';
import { UsersModule } from './users/users.module';

@Global()
@Module({})
class ConfigModule {
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

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.DB_POOL_SIZE), migrationsRun: false }),
        TypeOrmModule.forFeature([User]),
        AuditModule,
        AuthModule,
        UsersModule,
        UnitsModule,
        CohortsModule,
        MediaModule,
        SpecimensModule,
        ExercisesModule,
        ModulesModule,
        AttemptsModule,
        MrzModule,
        DemoContentModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
