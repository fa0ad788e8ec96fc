// Competence reports: the fact tables kept from attempt events, and the cohort, unit, officer and trainee reports
// aggregated from them.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptsModule } from '../attempts';
import { CohortsModule } from '../cohorts';
import { ExercisesModule } from '../exercises';
import { ItemModelsModule } from '../item-models';
import { MediaModule } from '../media';
import { ModulesModule } from '../modules';
import { UnitsModule } from '../units';
import { UsersModule } from '../users';
import { BreakdownRepository } from './breakdown.repository';
import { CohortReportsService } from './cohort-reports.service';
import { CompetenceRepository } from './competence.repository';
import { StoredFacilitySource } from './exercise-facility-source';
import { ItemAnalysisController } from './item-analysis.controller';
import { ItemAnalysisRepository } from './item-analysis.repository';
import { ItemAnalysisService } from './item-analysis.service';
import { OfficerReportsService } from './officer-reports.service';
import { ReportExportsService } from './report-exports.service';
import { ReportAttemptFact, ReportItemFact } from './report-facts.entity';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportFactsSink } from './report-facts.sink';
import { ReportItemAnalysis } from './report-item-analysis.entity';
import { ReportOfficerDay } from './report-officer-day.entity';
import { ReportScope } from './report-scope';
import { MyCompetenceController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { UnitReportsService } from './unit-reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReportItemFact, ReportAttemptFact, ReportOfficerDay, ReportItemAnalysis]),
    AttemptsModule,
    CohortsModule,
    ExercisesModule,
    MediaModule,
    ModulesModule,
    ItemModelsModule,
    UnitsModule,
    UsersModule,
  ],
  controllers: [ReportsController, MyCompetenceController, ItemAnalysisController],
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
    ItemAnalysisRepository,
    ItemAnalysisService,
    StoredFacilitySource,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
