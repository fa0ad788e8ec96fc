// The cohorts feature's public surface: what other features import. The cohort routes' own module
// (CohortManagementModule) depends on users, which depends on this, so only the app module imports it.
export { AccessPolicy, type ContentScope, type UserScope } from './access-policy';
export { CohortRosterService } from './cohort-roster.service';
export { CohortsModule } from './cohorts.module';
