// Every entity, in one list used by the app's DataSource and the migration CLI.
import { Attempt, AttemptItem, ResponseReceipt } from '../attempts/attempt.entity';
import { TruthExposure } from '../attempts/truth-exposure.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { ExerciseJob } from '../authoring/exercise-job.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Exercise, ExerciseVersion } from '../exercises/exercise.entity';
import { ItemInstance } from '../item-models/item-instance.entity';
import { MediaAsset } from '../media/media-asset.entity';
import { Assignment, ModuleVersion, TrainingModule } from '../modules/training-module.entity';
import { ReportAttemptFact, ReportItemFact } from '../reports/report-facts.entity';
import { ReportItemAnalysis } from '../reports/report-item-analysis.entity';
import { ReportOfficerDay } from '../reports/report-officer-day.entity';
import { RefreshToken } from '../sessions/refresh-token.entity';
import { Specimen, SpecimenFeature, SpecimenImage } from '../specimens/specimen.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  Unit,
  User,
  RefreshToken,
  LoginFailure,
  Cohort,
  AuditEntry,
  MediaAsset,
  Specimen,
  SpecimenImage,
  SpecimenFeature,
  Exercise,
  ExerciseVersion,
  TrainingModule,
  ModuleVersion,
  Assignment,
  Attempt,
  AttemptItem,
  ResponseReceipt,
  TruthExposure,
  ItemInstance,
  ReportItemFact,
  ReportAttemptFact,
  ReportOfficerDay,
  ReportItemAnalysis,
  ExerciseJob,
];
