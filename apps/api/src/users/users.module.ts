import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';
import { CohortsModule } from '../cohorts';
import { AppConfig, APP_CONFIG } from '../config/config';
import { SessionsModule } from '../sessions';
import { UnitsModule } from '../units';
import { TraineeImportService } from './trainee-import.service';
import { UserNamesForAudit } from './user-names-for-audit';
import { UserUnitMembers } from './user-unit-members';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    CohortsModule,
    UnitsModule,
    SessionsModule,
    // CSV files are small and bounded: memory storage with a hard size limit.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.CSV_MAX_BYTES, files: 1, fields: 5 },
      }),
    }),
  ],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, TraineeImportService, UserUnitMembers, UserNamesForAudit],
  exports: [UsersService],
})
export class UsersModule {}
