// Where exercise versions are used, told by the features that use them. Modules (which freeze versions into
// published module versions) and attempts (which draw them) sit above exercises: they register a source at start-up,
// so exercises never reads their tables and no module imports the other way round.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ExerciseUsageSource {
  /** Of these exercise versions, the ones in use here (a version in use is frozen: an edit makes a new one). */
  versionsInUse(versionIds: string[], m?: EntityManager): Promise<Set<string>>;
  /** Locked responses per exercise version (only attempts has responses). */
  responsesByVersion?(versionIds: string[], m?: EntityManager): Promise<Map<string, number>>;
}

@Injectable()
export class ExerciseUsage {
  private readonly sources: ExerciseUsageSource[] = [];

  register(source: ExerciseUsageSource): void {
    this.sources.push(source);
  }

  async inUse(versionId: string, m?: EntityManager): Promise<boolean> {
    for (const source of this.sources) {
      if ((await source.versionsInUse([versionId], m)).has(versionId)) return true;
    }
    return false;
  }

  /** Locked responses per version, summed over the sources; a version nobody answered is absent. */
  async responsesByVersion(versionIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    const total = new Map<string, number>();
    if (!versionIds.length) return total;
    for (const source of this.sources) {
      const counts = (await source.responsesByVersion?.(versionIds, m)) ?? new Map<string, number>();
      for (const [versionId, n] of counts) total.set(versionId, (total.get(versionId) ?? 0) + n);
    }
    return total;
  }
}
