// The cohort routes (create, rename, members) and their rules. They need users and units, and users needs the
// AccessPolicy, so this module sits above CohortsModule and is imported by the app module alone (not in the barrel).
import { Module } from '@nestjs/common';
import { UnitsModule } from '../units';
import { UsersModule } from '../users';
import { CohortUnitMembers } from './cohort-unit-members';
import { CohortsController } from './cohorts.controller';
import { CohortsModule } from './cohorts.module';
import { CohortsService } from './cohorts.service';

@Module({
  imports: [CohortsModule, UnitsModule, UsersModule],
  controllers: [CohortsController],
  providers: [CohortsService, CohortUnitMembers],
})
export class CohortManagementModule {}
