// Generating item models' documents: when an assignment opens a version with item models (and every minute, and
// after each draw), each model gets one waiting document per officer of the assigned cohorts who has not yet drawn
// it, plus a small buffer for late joiners and further attempts. Documents are queued set by set — one of each model,
// then the next, each assigned version taking turns — so whole assessments become ready one officer at a time; the
// rendering runs as background authoring jobs. A model whose three latest generations failed is not retried until
// the instructor publishes again.
import { randomInt } from 'node:crypto';
import type { ItemModel } from '@firstline/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ExerciseJobsService } from '../authoring';
import { CohortRosterService } from '../cohorts';
import { AppConfig, APP_CONFIG } from '../config/config';
import { AssignmentOpenings, ModulesService } from '../modules';
import { ItemInstancesRepository, type ModelCounts } from './item-instances.repository';

/** How often open assignments are topped up (besides at opening and after each draw). */
const TICK_MS = 60_000;
/** Failures among a model's three latest generations after which it is left for the instructor. */
const GIVE_UP_AFTER = 3;
/** A document queued this long ago whose job no server is running was left by one that stopped. */
const LOST_AFTER_MS = 2 * 60_000;

/** Documents to queue, set by set: round r takes one of each model still short of r + 1. */
export function generationOrder(shortBy: Array<{ modelId: string; missing: number }>): string[] {
  const order: string[] = [];
  const most = Math.max(0, ...shortBy.map((s) => s.missing));
  for (let round = 0; round < most; round++) for (const s of shortBy) if (s.missing > round) order.push(s.modelId);
  return order;
}

/**
 * How many documents each model lacks: one per officer who has not drawn it, plus the buffer, less those waiting or
 * being generated. A model whose three latest generations failed gets none; one that failed lately gets none until
 * its other documents have finished either (so a retry never races the generations still running, and a model that
 * keeps failing stops at exactly three).
 */
export function shortfalls(
  modelIds: string[],
  counts: Map<string, Pick<ModelCounts, 'ready' | 'generating' | 'officers' | 'recentFailures'>>,
  officers: number,
  buffer: number,
): Array<{ modelId: string; missing: number }> {
  return modelIds
    .filter((id) => {
      const c = counts.get(id);
      return !c || (c.recentFailures < GIVE_UP_AFTER && !(c.recentFailures > 0 && c.generating > 0));
    })
    .map((modelId) => {
      const c = counts.get(modelId);
      const wanted = Math.max(0, officers - (c?.officers ?? 0)) + buffer;
      return { modelId, missing: wanted - (c?.ready ?? 0) - (c?.generating ?? 0) };
    });
}

@Injectable()
export class ItemGenerationService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ItemGenerationService.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly instances: ItemInstancesRepository,
    private readonly modules: ModulesService,
    private readonly roster: CohortRosterService,
    private readonly jobs: ExerciseJobsService,
    openings: AssignmentOpenings,
  ) {
    if (config.ITEM_MODEL_GENERATION) openings.register((versionId) => this.topUp(versionId).then(() => undefined));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ITEM_MODEL_GENERATION) return;
    this.schedule(null);
    this.timer = setInterval(() => this.schedule(null), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** Tops up in the background (after a draw, or on the timer); failures are logged. */
  schedule(versionId: string | null): void {
    if (!this.config.ITEM_MODEL_GENERATION) return;
    this.running = this.topUp(versionId).catch((err) => this.log.error({ err }, 'topping up item models failed'));
  }

  /**
   * Queues the documents the open assignments of one version (or all) lack; returns how many were queued. The plan is
   * made under an advisory lock, so replicas never queue the same shortfall twice.
   */
  async topUp(versionId: string | null): Promise<number> {
    await this.forgetLost();
    const planned: Array<Array<() => Promise<void>>> = [];
    for (const { version, unitId, cohortIds } of await this.modules.versionsWithOpenItemModels(versionId)) {
      const members = await this.roster.memberIdsOf(cohortIds);
      const officers = new Set([...members.values()].flat()).size;
      const rows = await this.instances.transaction(async (m) => {
        if (!(await this.instances.lockPlanning(m))) return [];
        const counts = new Map((await this.instances.counts(version.id, m)).map((c) => [c.modelId, c]));
        const shortBy = shortfalls(
          version.itemModels.map((model) => model.id),
          counts,
          officers,
          this.config.ITEM_MODEL_BUFFER,
        );
        const order = generationOrder(shortBy);
        return this.instances.createGenerating(
          order.map((modelId) => ({ moduleVersionId: version.id, modelId })),
          m,
        );
      });
      const models = new Map(version.itemModels.map((model) => [model.id, model]));
      planned.push(rows.map((row) => () => this.generate(row.id, models.get(row.modelId)!, unitId)));
    }
    // Versions take turns, so that no assignment's officers wait for the whole of another's.
    const turns = Math.max(0, ...planned.map((p) => p.length));
    for (let i = 0; i < turns; i++) for (const p of planned) if (i < p.length) await p[i]!();
    return planned.reduce((n, p) => n + p.length, 0);
  }

  /** Queues the authoring job for one document: a fresh seed, so a new identity, portrait, numbers and MRZ. */
  private async generate(instanceId: string, model: ItemModel, unitId: string): Promise<void> {
    const { id, parts, ...spec } = model;
    const request = { ...spec, parts, seed: randomInt(0, 2 ** 31 - 1), title: undefined };
    const jobId = await this.jobs.generateInstance({ request, unitId, itemModelId: id }, async (outcome) => {
      if ('error' in outcome) await this.instances.failed(instanceId, outcome.error);
      else await this.instances.ready(instanceId, outcome.exerciseId, outcome.versionId);
    });
    await this.instances.setJob(instanceId, jobId);
  }

  /**
   * Documents a stopped server left 'generating' (queued a while ago, their job in no server's queue and untouched)
   * are forgotten, and generated again by the top-up.
   */
  private async forgetLost(): Promise<void> {
    const old = (await this.instances.generating()).filter((r) => Date.now() - r.createdAt.getTime() > LOST_AFTER_MS);
    if (!old.length) return;
    const live = await this.jobs.liveJobIds(old.map((r) => r.jobId).filter((id): id is string => !!id));
    await this.instances.forgetGenerating(old.filter((r) => !r.jobId || !live.has(r.jobId)).map((r) => r.id));
  }
}
