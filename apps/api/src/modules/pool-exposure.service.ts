// Exposure control over a module's pool: whether a cohort's officers have enough of an assessment's documents unseen
// to be assigned it, how much of the pool the cohorts it is assigned to have already seen the truth of, and which
// modules of the other mode assigned to them share its documents (the module screen). Which documents an officer has
// seen is told by the attempts feature (AssignmentUsage).
import type { ItemModel, ModuleExposure } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, CohortRosterService } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { ExercisesService, type ExerciseVersionRecord } from '../exercises';
import { AssignmentUsage } from './assignment-usage';
import {
  assignmentShortfall,
  officerShort,
  unseenNeed,
  type ModelSupply,
  type OfficerUnseen,
} from './exposure-requirement';
import { ModulesRepository, type LoadedAssignment } from './modules.repository';

const genuineOf = (versions: ExerciseVersionRecord[]) => versions.filter((v) => v.verdict === 'genuine').length;

/** Each officer's unseen part of the pool, given the documents (exercise ids) each has seen. */
function unseenOf(pool: ExerciseVersionRecord[], userIds: string[], seen: Map<string, Set<string>>): OfficerUnseen[] {
  return userIds.map((userId) => {
    const unseen = pool.filter((v) => !seen.get(userId)?.has(v.exerciseId));
    return { userId, documents: unseen.length, genuine: genuineOf(unseen) };
  });
}

/** A version's item models as a supply of fresh documents. */
const supplyOf = (models: ItemModel[]): ModelSupply => ({
  count: models.length,
  genuine: models.filter((model) => model.fraudType === 'genuine').length,
});

/**
 * Per other module and cohort, the documents its pool shares with this module's pool as assigned to that cohort (the
 * largest over their versions); none shared, not listed.
 */
function overlapsOf(
  mine: LoadedAssignment[],
  others: LoadedAssignment[],
  documentsOf: (versionIds: string[]) => string[],
  nameOf: Map<string, string>,
): ModuleExposure['overlaps'] {
  const out = new Map<string, ModuleExposure['overlaps'][number]>();
  for (const other of others) {
    const ownDocuments = new Set(
      mine.filter((a) => a.cohortId === other.cohortId).flatMap((a) => documentsOf(a.moduleVersion.pool)),
    );
    const shared = new Set(documentsOf(other.moduleVersion.pool).filter((d) => ownDocuments.has(d))).size;
    const key = `${other.moduleVersion.moduleId}/${other.cohortId}`;
    if (shared === 0 || (out.get(key)?.sharedDocuments ?? 0) >= shared) continue;
    out.set(key, {
      moduleId: other.moduleVersion.moduleId,
      title: other.moduleVersion.title,
      mode: other.moduleVersion.settings.mode,
      cohortId: other.cohortId,
      cohortName: nameOf.get(other.cohortId) ?? '',
      sharedDocuments: shared,
    });
  }
  return [...out.values()];
}

@Injectable()
export class PoolExposure {
  constructor(
    private readonly modules: ModulesRepository,
    private readonly access: AccessPolicy,
    private readonly roster: CohortRosterService,
    private readonly exercises: ExercisesService,
    private readonly usage: AssignmentUsage,
  ) {}

  /**
   * At assignment: every officer of the cohort must have enough of an assessment's pool unseen for the attempts it
   * allows (practice feedback or reviews elsewhere may have shown them some of it); else a 409 with the numbers.
   */
  async checkAssignment(
    moduleVersionId: string,
    cohort: { id: string; name: string },
    m: EntityManager,
  ): Promise<void> {
    const version = await this.modules.findVersion(moduleVersionId, m);
    const models = supplyOf(version?.itemModels ?? []);
    if (!version || !unseenNeed(version.settings, version.pool.length + models.count)) return;
    const pool = await this.exercises.versionsByIds(version.pool, m);
    const members = (await this.roster.memberIdsOf([cohort.id], m)).get(cohort.id) ?? [];
    const seen = await this.usage.exposedOf(
      members,
      pool.map((v) => v.exerciseId),
      m,
    );
    const shortfall = assignmentShortfall(
      version.settings,
      { documents: pool.length, genuine: genuineOf(pool) },
      cohort.name,
      unseenOf(pool, members, seen),
      models,
    );
    if (shortfall) throw new DomainError('conflict', shortfall);
  }

  /** The module screen's exposure: per cohort the module is assigned to (of those the actor sees), how much is seen. */
  async report(actor: Actor, moduleId: string): Promise<ModuleExposure> {
    const mod = await this.modules.findModule(moduleId);
    if (!mod || !this.access.canSeeUnitContent(actor, mod.unitId)) throw notFound('Module');
    const last = await this.modules.latestVersion(moduleId);
    const visible = await this.access.visibleCohortIds(actor);
    const assignments = visible.length ? await this.modules.assignmentsOfCohorts(visible, moduleId) : [];
    const cohortIds = [...new Set(assignments.map((a) => a.cohortId))];
    // Modules of the other mode assigned to the same cohorts: practice feedback exposes assessment documents.
    const others = (cohortIds.length ? await this.modules.assignmentsOfCohorts(cohortIds) : []).filter(
      (o) => o.moduleVersion.moduleId !== moduleId && o.moduleVersion.settings.mode !== mod.settings.mode,
    );
    const versionIds = [
      ...new Set([...(last?.pool ?? []), ...[...assignments, ...others].flatMap((a) => a.moduleVersion.pool)]),
    ];
    const [records, refs, members] = await Promise.all([
      this.exercises.versionsByIds(versionIds),
      this.roster.refsOf(cohortIds),
      this.roster.memberIdsOf(cohortIds),
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const poolOf = (ids: string[]) => ids.map((id) => byId.get(id)!).filter(Boolean);
    const seen = await this.usage.exposedOf(
      [...new Set([...members.values()].flat())],
      [...new Set(records.map((r) => r.exerciseId))],
    );
    const latestPool = poolOf(last?.pool ?? []);
    const latestModels = supplyOf(last?.itemModels ?? []);
    const need = last ? unseenNeed(last.settings, latestPool.length + latestModels.count) : null;
    const nameOf = new Map(refs.map((r) => [r.id, r.name]));
    return {
      moduleId,
      mode: mod.settings.mode,
      poolDocuments: latestPool.length,
      poolGenuine: genuineOf(latestPool),
      poolItemModels: latestModels.count,
      need: need === 'unlimited' ? null : need,
      unlimited:
        need === 'unlimited' &&
        officerShort(last!.settings, latestPool.length, { documents: 0, genuine: 0 }, latestModels),
      cohorts: assignments.map((a) => {
        const pool = poolOf(a.moduleVersion.pool);
        const officers = members.get(a.cohortId) ?? [];
        const unseen = unseenOf(pool, officers, seen);
        const exposed = new Set(officers.flatMap((u) => pool.filter((v) => seen.get(u)?.has(v.exerciseId))));
        const models = supplyOf(a.moduleVersion.itemModels);
        return {
          assignmentId: a.id,
          cohortId: a.cohortId,
          cohortName: nameOf.get(a.cohortId) ?? '',
          moduleVersion: a.moduleVersion.version,
          poolDocuments: pool.length,
          officers: officers.length,
          exposedDocuments: exposed.size,
          officersExposed: unseen.filter((o) => o.documents < pool.length).length,
          officersShort: unseen.filter((o) => officerShort(a.moduleVersion.settings, pool.length, o, models)).length,
          fewestUnseen: unseen.length ? Math.min(...unseen.map((o) => o.documents)) : null,
        };
      }),
      overlaps: overlapsOf(assignments, others, (ids) => poolOf(ids).map((v) => v.exerciseId), nameOf),
    };
  }
}
