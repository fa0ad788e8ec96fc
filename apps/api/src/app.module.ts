// The application: global configuration, logging, database, the features, and the cross-cutting guard, validation,
// serialisation and error filter.
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { AttemptsModule } from './attempts';
import { AuditModule } from './audit';
import { AuthModule, AuthGuard } from './auth';
import { AuthoringModule } from './authoring';
import { CohortsModule } from './cohorts';
import { CohortManagementModule } from './cohorts/cohort-management.module';
import { AllExceptionsFilter } from './common/filters/http-exception.filter';
import { requestLoggerModule } from './common/logging/request-logger';
import { InvalidTextGuard } from './common/validation/invalid-text.guard';
import { AppConfig, ConfigModule } from './config';
import { dataSourceOptions } from './database/data-source';
import { ExercisesModule } from './exercises';
import { ExercisePreviewModule } from './exercises/preview/exercise-preview.module';
import { HealthModule } from './health';
import { ItemModelsModule } from './item-models';
import { MediaModule } from './media';
import { ModulesModule } from './modules';
import { MrzModule } from './mrz';
import { ReportsModule } from './reports';
import { ReportsPdfModule } from './reports/pdf/pdf.module';
import { DemoContentModule } from './seed';
import { SpecimensModule } from './specimens';
import { UnitsModule } from './units';
import { UsersModule } from './users';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        requestLoggerModule(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.DB_POOL_SIZE), migrationsRun: false }),
        AuditModule,
        AuthModule,
        UsersModule,
        UnitsModule,
        CohortsModule,
        CohortManagementModule,
        MediaModule,
        SpecimensModule,
        ExercisesModule,
        AuthoringModule,
        ModulesModule,
        ItemModelsModule,
        AttemptsModule,
        ExercisePreviewModule,
        ReportsModule,
        ReportsPdfModule,
        MrzModule,
        DemoContentModule,
        HealthModule,
      ],
      providers: [
        // Invalid text (NUL, unpaired surrogates) answers 400 before the auth guard or anything else reads the request.
        { provide: APP_GUARD, useClass: InvalidTextGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
