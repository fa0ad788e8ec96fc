// Module and assignment rows → contract views.
import type { AssignmentView, ModuleView } from '@firstline/contracts';
import type { LoadedAssignment } from './modules.repository';
import type { ModuleVersion, TrainingModule } from './training-module.entity';

/** A published module version as other features read it (the exam engine runs it, progress names it). */
export type ModuleVersionRecord = Readonly<
  Pick<
    ModuleVersion,
    'id' | 'moduleId' | 'version' | 'title' | 'description' | 'lessonSpecimenIds' | 'pool' | 'itemModels' | 'settings'
  >
>;

/** A published version and when it was published (the reports' version picker). */
export type PublishedVersion = ModuleVersionRecord & { publishedAt: Date };

/** A module and its published versions, newest first. */
export interface PublishedModuleVersions {
  module: { id: string; title: string };
  versions: PublishedVersion[];
}

/** A published version pooling an exercise, with its module's title. */
export type PoolingVersion = PublishedVersion & { moduleTitle: string };

/** An assignment with the module version it assigns: what the exam engine needs to start and run an attempt. */
export interface AssignmentWithVersion {
  id: string;
  cohortId: string;
  opensAt: Date;
  closesAt: Date | null;
  moduleVersion: ModuleVersionRecord;
}

/**
 * The module as instructors edit it. `currentPool` is the pool's current exercise versions (null for an exercise
 * that has none): a draft whose pool moved on since the last publication has unpublished changes.
 */
export function moduleView(
  mod: TrainingModule,
  last: ModuleVersion | null,
  currentPool: Array<string | null>,
): ModuleView {
  const changed =
    !last ||
    last.title !== mod.title ||
    last.description !== mod.description ||
    JSON.stringify(last.lessonSpecimenIds) !== JSON.stringify(mod.lessonSpecimenIds) ||
    JSON.stringify(last.pool) !== JSON.stringify(currentPool) ||
    JSON.stringify(last.itemModels) !== JSON.stringify(mod.itemModels) ||
    JSON.stringify(last.settings) !== JSON.stringify(mod.settings);
  return {
    id: mod.id,
    unitId: mod.unitId,
    title: mod.title,
    description: mod.description,
    lessonSpecimenIds: mod.lessonSpecimenIds,
    exerciseIds: mod.exerciseIds,
    itemModels: mod.itemModels,
    settings: mod.settings,
    publishedVersion: last ? { id: last.id, version: last.version, publishedAt: last.publishedAt.toISOString() } : null,
    hasUnpublishedChanges: changed,
    updatedAt: mod.updatedAt.toISOString(),
  };
}

/** The assignment as cohorts see it; the cohort's name comes from the cohorts feature. */
export function assignmentView(a: LoadedAssignment, cohortName: string): AssignmentView {
  const v = a.moduleVersion;
  const s = v.settings;
  return {
    id: a.id,
    cohort: { id: a.cohortId, name: cohortName },
    module: {
      id: v.moduleId,
      versionId: v.id,
      version: v.version,
      title: v.title,
      description: v.description,
      mode: s.mode,
      feedback: s.feedback,
      itemCount: s.drawCount ?? v.pool.length + v.itemModels.length,
      timePerItemSeconds: s.timePerItemSeconds,
      moduleTimeSeconds: s.moduleTimeSeconds,
      passMark: s.passMark,
      attemptsAllowed: s.attemptsAllowed,
      hasLessons: v.lessonSpecimenIds.length > 0,
    },
    opensAt: a.opensAt.toISOString(),
    closesAt: a.closesAt ? a.closesAt.toISOString() : null,
  };
}
