// The facility index the library shows per exercise, told by the reports feature (which stores item analyses). Reports
// sits above exercises: it registers a source at start-up, so exercises never reads its tables and no module imports
// the other way round (as ExerciseUsage does for modules and attempts).
import { Injectable } from '@nestjs/common';

export interface ExerciseFacilitySource {
  /**
   * Per exercise version with an analysed response: its facility (0–1) in the latest item analysis that counted it,
   * and when that analysis was calculated.
   */
  latestFacilities(): Promise<Map<string, { facility: number; calculatedAt: Date }>>;
}

@Injectable()
export class ExerciseFacilities {
  private source: ExerciseFacilitySource | null = null;

  register(source: ExerciseFacilitySource): void {
    this.source = source;
  }

  /** Per exercise (given its versions' owner), the facility of the latest analysis of any of its versions. */
  async byExercise(ownerOf: (versionIds: string[]) => Promise<Map<string, string>>): Promise<Map<string, number>> {
    const figures = (await this.source?.latestFacilities()) ?? new Map();
    if (!figures.size) return new Map();
    const owners = await ownerOf([...figures.keys()]);
    const latest = new Map<string, { facility: number; calculatedAt: Date }>();
    for (const [versionId, figure] of figures) {
      const exerciseId = owners.get(versionId);
      if (!exerciseId) continue;
      const seen = latest.get(exerciseId);
      if (!seen || seen.calculatedAt < figure.calculatedAt) latest.set(exerciseId, figure);
    }
    return new Map([...latest].map(([id, f]) => [id, f.facility]));
  }
}
