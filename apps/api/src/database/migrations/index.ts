import type { MigrationInterface } from 'typeorm';
import { Init1795735997575 } from './1795735997575-Init';
import { MediaAndSpecimens1796000000000 } from './1796000000000-MediaAndSpecimens';
import { ExamEngine1796100000000 } from './1796100000000-ExamEngine';
import { ReportFacts1796200000000 } from './1796200000000-ReportFacts';
import { ReportRollup1796250000000 } from './1796250000000-ReportRollup';
import { OwnerUnits1796300000000 } from './1796300000000-OwnerUnits';
import { ItemAnalysis1796400000000 } from './1796400000000-ItemAnalysis';
import { ExerciseRetirement1796500000000 } from './1796500000000-ExerciseRetirement';
import { ExerciseJobs1796600000000 } from './1796600000000-ExerciseJobs';
import { TruthExposures1796700000000 } from './1796700000000-TruthExposures';
import { ItemModels1796800000000 } from './1796800000000-ItemModels';
import { LessonExposures1796900000000 } from './1796900000000-LessonExposures';
import { UsersByUnit1797000000000 } from './1797000000000-UsersByUnit';
// Migrations in the order they run. `npm run migration:generate -w apps/api -- <Name>` appends here.
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Init1795735997575,
  MediaAndSpecimens1796000000000,
  ExamEngine1796100000000,
  ReportFacts1796200000000,
  ReportRollup1796250000000,
  OwnerUnits1796300000000,
  ItemAnalysis1796400000000,
  ExerciseRetirement1796500000000,
  ExerciseJobs1796600000000,
  TruthExposures1796700000000,
  ItemModels1796800000000,
  LessonExposures1796900000000,
  UsersByUnit1797000000000,
];
