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
  /**
   * Modules that hold one of these exercises in their draft pool or one of these versions in a published pool;
   * `matched` is the exercise or version id found (only modules have pools).
   */
  modulesUsing?(ids: string[], m?: EntityManager): Promise<Array<{ matched: string; id: string; title: string }>>;
  /** Every exercise id and exercise version id some module pools (only modules have pools). */
  pooledIds?(m?: EntityManager): Promise<string[]>;
  /** Per exercise, the officers who have seen its truth (only attempts shows truths: feedback and reviews). */
  exposuresByExercise?(exerciseIds: string[], m?: EntityManager): Promise<Map<string, number>>;
}

/** A module that uses an exercise. */
export interface UsingModule {
  id: string;
  title: string;
}

@Injectable()
export class ExerciseUsage {
  private readonly sources: ExerciseUsageSource[] = [];

  register(source: ExerciseUsageSource): void {
    this.sources.push(source);
  }

  /**
   * The exercises some module uses (draft pool or a published version's pool), given a way to tell which exercise a
   * version belongs to.
   */
  async exercisesInModules(ownerOf: (versionIds: string[]) => Promise<Map<string, string>>): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const source of this.sources) for (const id of (await source.pooledIds?.()) ?? []) ids.add(id);
    const owners = await ownerOf([...ids]);
    return new Set([...ids].map((id) => owners.get(id) ?? id));
  }

  async inUse(versionId: string, m?: EntityManager): Promise<boolean> {
    for (const source of this.sources) {
      if ((await source.versionsInUse([versionId], m)).has(versionId)) return true;
    }
    return false;
  }

  /**
   * Per exercise, the modules using it (draft pool or any published version's pool), sorted by title.
   * `versions` are every version of these exercises.
   */
  async modulesByExercise(
    versions: Array<{ exerciseId: string; versionId: string }>,
    m?: EntityManager,
  ): Promise<Map<string, UsingModule[]>> {
    const owner = new Map<string, string>();
    for (const { exerciseId, versionId } of versions) {
      owner.set(exerciseId, exerciseId);
      owner.set(versionId, exerciseId);
    }
    const found = new Map<string, Map<string, string>>();
    if (!owner.size) return new Map();
    for (const source of this.sources) {
      for (const row of (await source.modulesUsing?.([...owner.keys()], m)) ?? []) {
        const exerciseId = owner.get(row.matched);
        if (!exerciseId) continue;
        const modules = found.get(exerciseId) ?? new Map<string, string>();
        modules.set(row.id, row.title);
        found.set(exerciseId, modules);
      }
    }
    return new Map(
      [...found].map(([exerciseId, modules]) => [
        exerciseId,
        [...modules].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title)),
      ]),
    );
  }

  /** Per exercise, how many officers have seen its truth (exercises nobody has seen omitted). */
  exposuresByExercise(exerciseIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    return this.summed(exerciseIds, (source) => source.exposuresByExercise?.(exerciseIds, m));
  }

  /** Locked responses per version, summed over the sources; a version nobody answered is absent. */
  responsesByVersion(versionIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    return this.summed(versionIds, (source) => source.responsesByVersion?.(versionIds, m));
  }

  /** One count per id, summed over the sources that tell it. */
  private async summed(
    ids: string[],
    countsOf: (source: ExerciseUsageSource) => Promise<Map<string, number>> | undefined,
  ): Promise<Map<string, number>> {
    const total = new Map<string, number>();
    if (!ids.length) return total;
    for (const source of this.sources)
      for (const [id, n] of (await countsOf(source)) ?? []) total.set(id, (total.get(id) ?? 0) + n);
    return total;
  }
}
