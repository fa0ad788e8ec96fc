import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cohort } from './cohort.entity';
import { AccessPolicy } from './access-policy';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';

@Module({ imports: [TypeOrmModule.forFeature([Cohort])], controllers: [CohortsController], providers: [CohortsService, AccessPolicy], exports: [CohortsService, AccessPolicy] })
export class CohortsModule {}
