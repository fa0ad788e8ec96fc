// Tells the exercises feature each exercise version's facility in its latest stored item analysis (the library's
// facility column and filter), from the figures item analysis stores; nothing is recalculated for it.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExerciseFacilities, type ExerciseFacilitySource } from '../exercises';
import { ItemAnalysisService } from './item-analysis.service';

@Injectable()
export class StoredFacilitySource implements ExerciseFacilitySource, OnModuleInit {
  constructor(
    private readonly facilities: ExerciseFacilities,
    private readonly analyses: ItemAnalysisService,
  ) {}

  onModuleInit(): void {
    this.facilities.register(this);
  }

  latestFacilities(): Promise<Map<string, { facility: number; calculatedAt: Date }>> {
    return this.analyses.latestFacilities();
  }
}
