// The specimens feature's public surface: what other features and the app module may import.
export { LessonsService } from './lessons.service';
export { SpecimensModule } from './specimens.module';
export { SpecimensService } from './specimens.service';
