import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media/media.module';
import { Specimen, SpecimenFeature, SpecimenImage } from './specimen.entity';
import { SpecimensController } from './specimens.controller';
import { SpecimensService } from './specimens.service';

@Module({
  imports: [TypeOrmModule.forFeature([Specimen, SpecimenImage, SpecimenFeature]), MediaModule],
  controllers: [SpecimensController],
  providers: [SpecimensService],
  exports: [SpecimensService],
})
export class SpecimensModule {}
