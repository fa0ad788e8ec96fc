import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthoringModule } from '../authoring';
import { CohortsModule } from '../cohorts';
import { ModulesModule } from '../modules';
import { ItemGenerationService } from './item-generation.service';
import { ItemInstance } from './item-instance.entity';
import { ItemInstancesRepository } from './item-instances.repository';
import { ItemModelsController } from './item-models.controller';
import { ItemModelsService } from './item-models.service';

@Module({
  imports: [TypeOrmModule.forFeature([ItemInstance]), AuthoringModule, CohortsModule, ModulesModule],
  controllers: [ItemModelsController],
  providers: [ItemInstancesRepository, ItemGenerationService, ItemModelsService],
  exports: [ItemModelsService, ItemGenerationService],
})
export class ItemModelsModule {}
