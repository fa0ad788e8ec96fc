// The modules feature's public surface: what other features and the app module may import.
export { ModulesModule } from './modules.module';
export { ModulesService } from './modules.service';
export { AssignmentUsage, type AssignmentAttemptsSource } from './assignment-usage';
export { AssignmentOpenings } from './assignment-openings';
export type { AssignmentWithVersion, ModuleVersionRecord, PublishedVersion } from './modules.mapper';
export { genuineNeeded, publishShortfall, reviewsShowTruth, unseenNeed } from './exposure-requirement';
