// Competence reports: the fact tables kept from attempt events, and the cohort, unit, officer and trainee reports
// aggregated from them.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptsModule } from '../attempts';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { ModulesModule } from '../modules';
import { UnitsModule } from '../units';
import { UsersModule } from '../users';
import { BreakdownRepository } from './breakdown.repository';
import { CohortReportsService } from './cohort-reports.service';
import { CompetenceRepository } from './competence.repository';
import { OfficerReportsService } from './officer-reports.service';
import { ReportExportsService } from './report-exports.service';
import { ReportAttemptFact, ReportItemFact } from './report-facts.entity';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportFactsSink } from './report-facts.sink';
import { ReportOfficerDay } from './report-officer-day.entity';
import { ReportScope } from './report-scope';
import { MyCompetenceController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { UnitReportsService } from './unit-reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReportItemFact, ReportAttemptFact, ReportOfficerDay]),
    AttemptsModule,
    CohortsModule,
    ExercisesModule,
    ModulesModule,
    UnitsModule,
    UsersModule,
  ],
  controllers: [ReportsController, MyCompetenceController],
  providers: [
    ReportFactsRepository,
    ReportFactsSink,
    CompetenceRepository,
    BreakdownRepository,
    ReportScope,
    CohortReportsService,
    OfficerReportsService,
    UnitReportsService,
    ReportsService,
    ReportExportsService,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
