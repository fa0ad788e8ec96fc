// The cohorts feature's public surface: what other features and the app module may import.
export { AccessPolicy } from './access-policy';
export { CohortsModule } from './cohorts.module';
export { CohortsService } from './cohorts.service';
