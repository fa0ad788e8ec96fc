// The cohorts module other features import: the cohort tables, the AccessPolicy and the roster. It imports no
// other feature, so users (which the cohort routes depend on) can depend on it without a cycle.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessPolicy } from './access-policy';
import { CohortRosterService } from './cohort-roster.service';
import { Cohort } from './cohort.entity';
import { CohortsRepository } from './cohorts.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Cohort])],
  providers: [CohortsRepository, AccessPolicy, CohortRosterService],
  // The repository is exported for the CohortManagementModule only (it is not in the barrel).
  exports: [CohortsRepository, AccessPolicy, CohortRosterService],
})
export class CohortsModule {}
