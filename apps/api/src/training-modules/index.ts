// The modules feature's public surface: what other features and the app module may import.
export { TrainingModulesModule } from './training-modules.module';
export { ModulesService } from './modules.service';
