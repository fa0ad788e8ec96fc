import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';
import { AppConfig, APP_CONFIG } from '../config/config';
import { User } from './user.entity';
import { TraineeImportService } from './trainee-import.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    // CSV files are small and bounded: memory storage with a hard size limit.
    MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ storage: memoryStorage(), limits: { fileSize: c.CSV_MAX_BYTES, files: 1, fields: 5 } }) }),
  ],
  controllers: [UsersController],
  providers: [UsersService, TraineeImportService],
  exports: [UsersService],
})
export class UsersModule {}
