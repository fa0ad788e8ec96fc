// Competence reports: the fact tables kept from attempt events, and the cohort, unit, officer and trainee reports
// aggregated from them.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptsModule } from '../attempts';
import { ReportAttemptFact, ReportItemFact } from './report-facts.entity';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportFactsSink } from './report-facts.sink';

@Module({
  imports: [TypeOrmModule.forFeature([ReportItemFact, ReportAttemptFact]), AttemptsModule],
  providers: [ReportFactsRepository, ReportFactsSink],
})
export class ReportsModule {}
