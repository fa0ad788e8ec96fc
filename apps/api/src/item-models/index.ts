// The item models feature's public surface: generated documents of assessments' item models.
export { ItemModelsModule } from './item-models.module';
export { ItemModelsService } from './item-models.service';
export { ItemGenerationService } from './item-generation.service';
