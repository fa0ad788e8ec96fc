import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';

@Module({ imports: [AuditModule], controllers: [ExercisesController], providers: [ExercisesService], exports: [ExercisesService] })
export class ExercisesModule {}
