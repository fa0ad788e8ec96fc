// Item analysis of a module version (Moodle's quiz statistics, Rasch difficulty, random-guess score), stored per
// version and recalculated in the background on request; what officers answered on an item, the fraud-type
// confusion across a pool, where officers clicked on an exercise, and one exercise across every module that used it.
// Scope: the module's or exercise's unit (ModulesService and ExercisesService decide; anything else is a 404).
import {
  DOCUMENT_SIDES,
  FRAUD_TYPE_LABELS,
  FRAUD_TYPES,
  LIGHTS,
  type ItemModel,
  type ClicksQuery,
  type ExerciseClicks,
  type ExerciseUsage,
  type FeatureKind,
  type FraudTypeConfusion,
  type ItemAnalysis,
  type ItemResponses,
  type MrzCheck,
  type RecalculationAccepted,
} from '@firstline/contracts';
import { pointInPolygon } from '@firstline/scoring';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomGuessOf } from '../attempts';
import { AuditService } from '../audit';
import { Actor } from '../common/decorators/actor';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { ExercisesService, type ExerciseVersionRecord } from '../exercises';
import { ItemModelsService } from '../item-models';
import { MediaService } from '../media';
import { ModulesService, type PublishedVersion } from '../modules';
import { computeItemAnalysis, instanceVariation, itemRow, type StoredAnalysis } from './item-analysis-figures';
import { ItemAnalysisRepository, type StoredAnalysisRow } from './item-analysis.repository';
import { itemAnalysisCsv, type CsvFile } from './report-csv';

/** A recalculation claimed longer ago than this is taken as abandoned (its process died) and may be claimed again. */
const RECALCULATION_STALE_SECONDS = 300;

interface VersionContext {
  module: { id: string; title: string };
  versions: PublishedVersion[];
  version: PublishedVersion;
}

interface Calculation {
  result: StoredAnalysis;
  calculatedAt: Date;
  attemptsCounted: number;
}

@Injectable()
export class ItemAnalysisService implements OnModuleDestroy {
  private readonly log = new Logger(ItemAnalysisService.name);
  /** Background recalculations running in this process, by module version. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly analyses: ItemAnalysisRepository,
    private readonly modules: ModulesService,
    private readonly exercises: ExercisesService,
    private readonly media: MediaService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly itemModels: ItemModelsService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  // ------------------------------------------------------------------------------------------ a module version

  async analysis(actor: Actor, moduleId: string, version?: number): Promise<ItemAnalysis> {
    const ctx = await this.moduleVersion(actor, moduleId, version);
    const id = ctx.version.id;
    const stored = (await this.analyses.stored([id])).get(id);
    const calculation = stored?.result ? storedCalculation(stored) : await this.calculate(ctx.version, false);
    const finished = (await this.analyses.finishedAttempts([id])).get(id) ?? 0;
    const pool = await this.exercises.drawnVersions(ctx.version.pool);
    const byId = new Map(pool.map((v) => [v.id, v]));
    const current = await this.exercises.currentVersionIds([...new Set(pool.map((v) => v.exerciseId))]);
    const minResponses = this.config.ITEM_ANALYSIS_MIN_RESPONSES;
    const { result } = calculation;
    return {
      moduleId: ctx.module.id,
      moduleTitle: ctx.module.title,
      moduleVersionId: id,
      version: ctx.version.version,
      versions: ctx.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
      test: result.test,
      items: result.items.map((item, i) => {
        const model = ctx.version.itemModels.find((im) => im.id === item.exerciseVersionId);
        if (model) return itemRow(item, aboutModel(model, i), minResponses);
        const exercise = byId.get(item.exerciseVersionId)!;
        return itemRow(item, aboutOf(exercise, i, current.get(exercise.exerciseId) === exercise.id), minResponses);
      }),
      abilities: result.abilities,
      extremeAbilities: result.extremeAbilities,
      minResponses,
      calculatedAt: calculation.calculatedAt.toISOString(),
      // Attempts never stop being finished, so those since the calculation are the count beyond what it counted.
      attemptsSince: Math.max(0, finished - calculation.attemptsCounted),
      recalculating: this.running.has(id) || isRecalculating(stored),
    };
  }

  /** Per exercise version, its facility (0–1) in the latest stored analysis that counted it (no recalculation). */
  latestFacilities(): Promise<Map<string, { facility: number; calculatedAt: Date }>> {
    return this.analyses.latestFacilities();
  }

  /** Starts a background recalculation of the version (one at a time per version, across replicas). */
  async recalculate(actor: Actor, moduleId: string, version?: number): Promise<RecalculationAccepted> {
    const ctx = await this.moduleVersion(actor, moduleId, version);
    const id = ctx.version.id;
    const stored = (await this.analyses.stored([id])).get(id);
    await this.audit.record({
      actorId: actor.id,
      action: 'report.item-analysis.recalculate',
      entityType: 'module',
      entityId: moduleId,
      after: { version: ctx.version.version },
    });
    if (await this.analyses.claimRecalculation(id, RECALCULATION_STALE_SECONDS)) {
      const job = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.calculate(ctx.version, true))
        .then(
          () => undefined,
          async (error: unknown) => {
            this.log.error(`Recalculating the item analysis of module version ${id} failed: ${String(error)}`);
            await this.analyses.releaseRecalculation(id).catch(() => undefined);
          },
        )
        .finally(() => this.running.delete(id));
      this.running.set(id, job);
    }
    return { recalculating: true, calculatedAt: stored?.calculatedAt ? stored.calculatedAt.toISOString() : null };
  }

  /** The items table as CSV, written to the audit log as the other exports are. */
  async csv(actor: Actor, moduleId: string, version?: number): Promise<CsvFile> {
    const analysis = await this.analysis(actor, moduleId, version);
    const file = itemAnalysisCsv(analysis);
    await this.audit.record({
      actorId: actor.id,
      action: 'report.export',
      entityType: 'module',
      entityId: moduleId,
      after: {
        report: 'item-analysis',
        format: 'csv',
        filename: file.filename,
        filters: { version: analysis.version },
      },
    });
    return file;
  }

  /** What officers answered on one item of the version's pool. */
  async itemResponses(
    actor: Actor,
    moduleId: string,
    exerciseVersionId: string,
    version?: number,
  ): Promise<ItemResponses> {
    const ctx = await this.moduleVersion(actor, moduleId, version);
    if (!ctx.version.pool.includes(exerciseVersionId))
      throw new DomainError(
        'not_found',
        `Exercise version ${exerciseVersionId} is not in the pool of version ${ctx.version.version} of this module`,
      );
    const [exercise] = await this.exercises.drawnVersions([exerciseVersionId]);
    const counts = await this.analyses.choices([ctx.version.id], [exerciseVersionId]);
    const { truth } = exercise!;
    const revealing = new Set(truth.regions.flatMap((r) => r.features));
    const failing = new Set(truth.mrzFailedChecks ?? []);
    return {
      exerciseId: exercise!.exerciseId,
      exerciseVersionId,
      title: exercise!.title,
      verdict: truth.verdict,
      fraudType: truth.fraudType,
      responses: counts.responses,
      decisions: [
        { decision: 'accept', count: counts.accept, correct: truth.verdict === 'genuine' },
        { decision: 'refer', count: counts.refer, correct: truth.verdict === 'fraudulent' },
      ],
      noDecision: counts.noDecision,
      fraudTypes: [...counts.fraudTypes].map(([key, count]) => ({ key, count })),
      features: [...counts.features].map(([key, count]) => ({
        key: key as FeatureKind,
        count,
        inTruth: revealing.has(key as FeatureKind),
      })),
      mrzChecks: [...counts.mrzChecks].map(([key, count]) => ({
        key: key as MrzCheck,
        count,
        inTruth: failing.has(key as MrzCheck),
      })),
    };
  }

  /** Which fraud type was taken for which, over the pool's items that ask for the fraud type. */
  async confusion(actor: Actor, moduleId: string, version?: number): Promise<FraudTypeConfusion> {
    const ctx = await this.moduleVersion(actor, moduleId, version);
    const pool = await this.exercises.drawnVersions(ctx.version.pool);
    const asked = pool.filter((v) => v.parts.fraudType).map((v) => v.id);
    const pairs = await this.analyses.fraudTypePairs(ctx.version.id, asked);
    const index = new Map<string, number>(FRAUD_TYPES.map((t, i) => [t, i]));
    const cells = FRAUD_TYPES.map(() => FRAUD_TYPES.map(() => 0));
    const none = FRAUD_TYPES.map(() => 0);
    for (const { truth, chosen, count } of pairs) {
      const i = index.get(truth);
      if (i === undefined) continue;
      const j = chosen === null ? undefined : index.get(chosen);
      if (j === undefined) none[i]! += count;
      else cells[i]![j]! += count;
    }
    return { fraudTypes: [...FRAUD_TYPES], cells, none };
  }

  // ------------------------------------------------------------------------------------------ one exercise

  /** Every locate point officers placed on one side of an exercise version, over its true regions and image. */
  async clicks(actor: Actor, exerciseId: string, q: ClicksQuery): Promise<ExerciseClicks> {
    const lineage = await this.exercises.versionIdsOf(actor, exerciseId);
    const versionId = q.versionId ?? lineage.currentVersionId;
    const exercise = lineage.versions.find((v) => v.id === versionId);
    if (!exercise) throw new DomainError('not_found', `Version ${versionId} is not a version of this exercise`);
    const sides = DOCUMENT_SIDES.filter((s) => exercise.images.some((i) => i.side === s));
    const side = q.side ?? sides[0]!;
    if (!sides.includes(side))
      throw new DomainError('invalid', `This exercise has no ${side} side (it has: ${sides.join(', ')})`);
    const onSide = exercise.images.filter((i) => i.side === side);
    const lights = LIGHTS.filter((l) => onSide.some((i) => i.light === l));
    const light = q.light ?? lights[0]!;
    if (!lights.includes(light))
      throw new DomainError(
        'invalid',
        `The ${side} side of this exercise has no image under ${light} (it has: ${lights.join(', ')})`,
      );

    let moduleVersionIds = await this.modules.versionsPooling(actor, [exercise.id]);
    if (q.moduleId) {
      moduleVersionIds = moduleVersionIds.filter((v) => v.moduleId === q.moduleId);
      if (!moduleVersionIds.length)
        throw new DomainError('not_found', `Module ${q.moduleId} has no published version that pools this exercise`);
    }
    const { responses, points } = await this.analyses.points(
      moduleVersionIds.map((v) => v.id),
      exercise.id,
    );
    const regions = exercise.truth.regions.filter((r) => r.side === side);
    const placed = points
      .filter((p) => p.side === side)
      .map(({ x, y }) => ({ x, y, hit: regions.some((r) => pointInPolygon([x, y], r.polygon)) }));
    return {
      exerciseId,
      exerciseVersionId: exercise.id,
      side,
      light,
      lights,
      sides,
      image: await this.image(actor, exercise, side, light),
      points: placed,
      regions,
      responses,
      missShare: placed.length ? placed.filter((p) => !p.hit).length / placed.length : null,
    };
  }

  /** The exercise in every module version (in the actor's scope) that pooled any version of it, with its figures. */
  async exerciseUsage(actor: Actor, exerciseId: string): Promise<ExerciseUsage> {
    const lineage = await this.exercises.versionIdsOf(actor, exerciseId);
    const byId = new Map(lineage.versions.map((v) => [v.id, v]));
    const pooling = await this.modules.versionsPooling(
      actor,
      lineage.versions.map((v) => v.id),
    );
    const stored = await this.analyses.stored(pooling.map((v) => v.id));
    const minResponses = this.config.ITEM_ANALYSIS_MIN_RESPONSES;
    const modules: ExerciseUsage['modules'] = [];
    for (const version of pooling) {
      const row = stored.get(version.id);
      const { result } = row?.result ? storedCalculation(row) : await this.calculate(version, false);
      version.pool.forEach((exerciseVersionId, i) => {
        const exercise = byId.get(exerciseVersionId);
        if (!exercise) return;
        const item = result.items[i]!;
        const figures = itemRow(item, aboutOf(exercise, i, false), minResponses);
        modules.push({
          moduleId: version.moduleId,
          moduleTitle: version.moduleTitle,
          version: version.version,
          position: i + 1,
          exerciseVersion: exercise.version,
          responses: figures.responses,
          facility: figures.facility,
          discriminationIndex: figures.discriminationIndex,
          discriminativeEfficiency: figures.discriminativeEfficiency,
          flags: figures.flags,
        });
      });
    }
    const current = byId.get(lineage.currentVersionId);
    return { exerciseId, title: current?.title ?? '', modules };
  }

  // ------------------------------------------------------------------------------------------ internals

  /** The module (404 outside the actor's scope) and the asked version (default: the latest published). */
  private async moduleVersion(actor: Actor, moduleId: string, version?: number): Promise<VersionContext> {
    const { module, versions } = await this.modules.publishedVersionsOf(actor, moduleId);
    if (!versions.length)
      throw new DomainError('not_found', `Module ${moduleId} has never been published, so it has no item analysis`);
    const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!chosen) throw new DomainError('not_found', `Module ${moduleId} has no published version ${version}`);
    return { module, versions, version: chosen };
  }

  /** Computes the version's figures from its finished attempts and stores them. */
  /**
   * The figures of a version's pool: its exercises, then its item models — each model one item whose responses are
   * every officer's own generated document of it, with how much those documents' facilities vary.
   */
  private async calculate(version: PublishedVersion, endsRecalculation: boolean): Promise<Calculation> {
    const models = version.itemModels;
    const documents = models.length ? await this.itemModels.documentsOf(version.id) : [];
    const position = new Map(models.map((model, i) => [model.id, version.pool.length + i + 1]));
    const instances = new Map(documents.filter((d) => d.drawn).map((d) => [d.versionId, position.get(d.modelId)!]));
    // Any document of a model stands for it in the random-guess score (its parts and options are the model's).
    const sample = new Map<string, string>();
    for (const d of documents) if (!sample.has(d.modelId)) sample.set(d.modelId, d.versionId);
    const versions = await this.exercises.drawnVersions([...version.pool, ...sample.values()]);
    const byId = new Map(versions.map((v) => [v.id, v]));
    const items = [...version.pool, ...models.map((model) => model.id)];
    const randomGuess = items.map((id) => {
      const exercise = byId.get(sample.get(id) ?? id);
      return exercise ? randomGuessOf(exercise) : 0;
    });
    const responses = await this.analyses.poolResponses(version.id, version.pool, instances, items.length);
    const result = computeItemAnalysis(items, randomGuess, responses);
    if (models.length) {
      const facilities = await this.analyses.instanceFacilities(version.id, [...instances.keys()]);
      const modelOf = new Map(documents.map((d) => [d.versionId, d.modelId]));
      for (const [i, model] of models.entries()) {
        const own = facilities.filter((f) => modelOf.get(f.versionId) === model.id).map((f) => f.facility);
        result.items[version.pool.length + i]!.itemModel = instanceVariation(own);
      }
    }
    const attemptsCounted = responses.marks.length;
    const calculatedAt = await this.analyses.store(version.id, result, attemptsCounted, endsRecalculation);
    return { result, calculatedAt, attemptsCounted };
  }

  /** The exercise's image of that side and light, signed for the actor. */
  private async image(
    actor: Actor,
    exercise: ExerciseVersionRecord,
    side: string,
    light: string,
  ): Promise<ExerciseClicks['image']> {
    const ref = exercise.images
      .filter((i) => i.side === side && i.light === light)
      .sort((a, b) => (a.frame ?? 1) - (b.frame ?? 1))[0];
    if (!ref) return null;
    const urls = (
      await this.media.signedUrls([ref.assetId], { userId: actor.id, scope: `exercise:${exercise.id}` })
    ).get(ref.assetId);
    if (!urls) return null;
    const widest = Object.entries(urls.variants).sort(([a], [b]) => parseInt(b, 10) - parseInt(a, 10))[0];
    return widest ? { url: widest[1], width: urls.width, height: urls.height } : null;
  }
}

function storedCalculation(row: StoredAnalysisRow): Calculation {
  return {
    result: row.result as StoredAnalysis,
    calculatedAt: row.calculatedAt ?? new Date(0),
    attemptsCounted: row.attemptsCounted,
  };
}

function isRecalculating(row: StoredAnalysisRow | undefined): boolean {
  if (!row?.recalculatingSince) return false;
  return Date.now() - row.recalculatingSince.getTime() < RECALCULATION_STALE_SECONDS * 1000;
}

/** What a row says about its exercise (besides the figures). */
/** An item model's row: named by what it generates; its id stands in for the exercise's. */
function aboutModel(model: ItemModel, i: number): Parameters<typeof itemRow>[1] {
  const kind = model.documentType === 'TD3' ? 'passport' : 'identity card';
  const what = model.fraudType === 'genuine' ? 'genuine' : FRAUD_TYPE_LABELS[model.fraudType].toLowerCase();
  return {
    position: i + 1,
    exerciseId: model.id,
    exerciseVersion: 1,
    current: true,
    title: `Item model: ${model.issuingState} ${kind}, ${what}`,
    issuingState: model.issuingState,
    verdict: model.fraudType === 'genuine' ? 'genuine' : 'fraudulent',
    fraudType: model.fraudType,
  };
}

function aboutOf(exercise: ExerciseVersionRecord, i: number, current: boolean): Parameters<typeof itemRow>[1] {
  return {
    position: i + 1,
    exerciseId: exercise.exerciseId,
    exerciseVersion: exercise.version,
    current,
    title: exercise.title,
    issuingState: exercise.issuingState,
    verdict: exercise.truth.verdict,
    fraudType: exercise.truth.fraudType,
  };
}
