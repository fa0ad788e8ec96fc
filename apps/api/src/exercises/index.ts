// The exercises feature's public surface: what other features and the app module may import.
export { ExercisesModule } from './exercises.module';
export { ExercisesService } from './exercises.service';
export { ExerciseUsage, type ExerciseUsageSource } from './exercise-usage';
export type { ExerciseVersionRecord } from './exercises.mapper';
export { ExerciseFacilities, type ExerciseFacilitySource } from './exercise-facilities';
