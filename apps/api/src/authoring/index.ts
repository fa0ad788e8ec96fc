// The authoring feature's public surface: forging exercises in the background, and the mapping from the forge's
// documents to exercise inputs (which the demo seeder shares).
export { AuthoringModule } from './authoring.module';
export { ExerciseJobsService } from './exercise-jobs.service';
export {
  FEATURE_OPTIONS_BY_TYPE,
  forgedTitle,
  isDeskImage,
  toExerciseInput,
  type ForgedDocument,
} from './forged-exercise-input';
export { checkItemModel } from './forge-plan';
