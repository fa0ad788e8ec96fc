import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitMembers } from './unit-members';
import { Unit } from './unit.entity';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([Unit])],
  controllers: [UnitsController],
  providers: [UnitsRepository, UnitsService, UnitMembers],
  exports: [UnitsService, UnitMembers],
})
export class UnitsModule {}
