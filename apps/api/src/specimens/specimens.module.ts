import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media';
import { LessonsService } from './lessons.service';
import { Specimen, SpecimenFeature, SpecimenImage } from './specimen.entity';
import { SpecimensController } from './specimens.controller';
import { SpecimensRepository } from './specimens.repository';
import { SpecimensService } from './specimens.service';

@Module({
  imports: [TypeOrmModule.forFeature([Specimen, SpecimenImage, SpecimenFeature]), MediaModule],
  controllers: [SpecimensController],
  providers: [SpecimensRepository, SpecimensService, LessonsService],
  exports: [SpecimensService, LessonsService],
})
export class SpecimensModule {}
