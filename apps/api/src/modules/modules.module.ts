import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { AssignmentsController, ModulesController } from './modules.controller';
import { ModulesService } from './modules.service';

@Module({ imports: [CohortsModule], controllers: [ModulesController, AssignmentsController], providers: [ModulesService], exports: [ModulesService] })
export class ModulesModule {}
