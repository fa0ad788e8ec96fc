// Forging an exercise in the background: the request is checked (400 in words) before a job exists; the job then
// renders the document under every desk light (or, from a specimen, forges on its photographs), ingests the images
// through the media pipeline, waits until they are processed and creates the exercise with the exact truth. One job
// runs at a time (rendering is CPU work); an instructor's job goes ahead of the documents generated for item models,
// which wait in the background. A failed job removes the media it ingested, and creates no exercise.
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  ExerciseParts,
  ExerciseInput,
  ExerciseJob as ExerciseJobView,
  ForgeExerciseRequest,
  ForgeFromSpecimenRequest,
  ForgePreview,
  Light,
  MediaAssetView,
} from '@firstline/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Actor } from '../common/decorators/actor';
import { notFound } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { ExercisesService } from '../exercises';
import { ImageWorker, MediaService } from '../media';
import { SpecimensService } from '../specimens';
import { ExerciseJob } from './exercise-job.entity';
import { ExerciseJobsRepository } from './exercise-jobs.repository';
import { planForgery, type ForgePlanInput } from './forge-plan';
import { forgePreview } from './forge-preview';
import { FEATURE_OPTIONS_BY_TYPE, forgedTitle, isDeskImage, toExerciseInput } from './forged-exercise-input';
import { planSpecimenForgery, type SpecimenForgeRequest } from './specimen-forge-plan';

/** An open job untouched this long was left by a server that stopped (a step takes seconds). */
const STALE_SECONDS = 120;
/** How long the media pipeline may take over a forged document's images. */
const PROCESSING_TIMEOUT_MS = 5 * 60_000;
/**
 * A job waiting for its images looks again whenever this server finishes one, and at least this often (for images
 * another replica processes). It polled every 100 ms before: two jobs' polls were 20 queries and 20 UPDATEs a second.
 */
const PROCESSED_RECHECK_MS = 250;
/**
 * A waiting job's progress is written when it moves, and at least this often even when it does not: the write is
 * also the job's sign of life (`updated_at`), by which other replicas and the next start tell a live job from one a
 * stopped server left (STALE_SECONDS).
 */
const TOUCH_MS = 10_000;
/**
 * Jobs in this server at once: the next job draws, renders and ingests its document while the one before waits for
 * the media pipeline, so the pipeline's workers always have images queued (two, as rendering is one core's work).
 */
const JOBS_AT_ONCE = 2;

export function jobView(job: ExerciseJob): ExerciseJobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    step: job.step,
    exerciseId: job.exerciseId,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** What a job's work gets: a scratch folder, a way to report progress and to ingest a file from it. */
interface JobContext {
  tmp: string;
  progress(percent: number, step: string): Promise<void>;
  /** Ingests `file` (in tmp) as the job's media, in the group named (images of one side register together). */
  ingest(file: string, group: string): Promise<string>;
}

/** A generated document of an item model: the forge request (a fresh seed), the unit, the model and its parts. */
export interface InstanceOrder {
  request: ForgePlanInput & { parts?: ExerciseParts };
  unitId: string;
  itemModelId: string;
}

/** How an item model's document ended: the exercise (and the version an attempt draws), or why it failed. */
export type InstanceOutcome = { exerciseId: string; versionId: string } | { error: string };

/** A job waiting in the queue; background jobs (item models' documents) let instructors' jobs go first. */
interface QueuedJob {
  /** Runs the job; `handedOver` is called once its images are all in the media pipeline's queue (or it ended). */
  run: (handedOver: () => void) => Promise<void>;
  background: boolean;
}

/** A subtler forgery is a harder exercise: subtlety 0 → difficulty 1 … 1 → 5. */
const difficultyOf = (subtlety: number) => 1 + Math.round(subtlety * 4);

@Injectable()
export class ExerciseJobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ExerciseJobsService.name);
  /** The job queue: each job starts when the one before has handed its images over (JOBS_AT_ONCE at most). */
  private readonly waiting: QueuedJob[] = [];
  /** Jobs queued or running in this server. */
  private readonly here = new Set<string>();
  /** Jobs running now. */
  private readonly running = new Set<Promise<void>>();
  private draining = false;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: ExerciseJobsRepository,
    private readonly exercises: ExercisesService,
    private readonly media: MediaService,
    private readonly specimens: SpecimensService,
    private readonly images: ImageWorker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.failStale();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await Promise.all(this.running);
  }

  /** Checks the request, then queues the job: 202 with the job. */
  async forge(actor: Actor, body: ForgeExerciseRequest): Promise<ExerciseJobView> {
    const unitId = await this.exercises.ownerUnit(actor, body.unitId);
    const request: ForgePlanInput = { ...body, seed: body.seed ?? randomInt(0, 2 ** 31 - 1) };
    // The description and truth are cheap to draw: every request the forge cannot do is a 400 here, not a failed job.
    planForgery(await import('@firstline/forge'), request, this.config.DEMO_DPI);
    const job = await this.jobs.create({ kind: 'forge', request, unitId, createdBy: actor.id });
    this.enqueue(job.id, actor.id, (ctx) => this.forgeWork(ctx, request), this.createAs(actor));
    return jobView(job);
  }

  /** Checks a forge-from-specimen request against the specimen (400 in words), then queues the job. */
  async forgeFromSpecimen(actor: Actor, body: ForgeFromSpecimenRequest): Promise<ExerciseJobView> {
    const unitId = await this.exercises.ownerUnit(actor, body.unitId);
    const request: SpecimenForgeRequest = { ...body, seed: body.options.seed ?? randomInt(0, 2 ** 31 - 1) };
    planSpecimenForgery(await this.specimens.get(actor, body.specimenId), request);
    const job = await this.jobs.create({ kind: 'forge-from-specimen', request, unitId, createdBy: actor.id });
    this.enqueue(job.id, actor.id, (ctx) => this.specimenWork(ctx, actor, request), this.createAs(actor));
    return jobView(job);
  }

  /**
   * Queues one generated document of an item model (in the background, behind instructors' jobs); `ended` is told
   * the exercise made or why it failed. The request was checked when the model was saved; returns the job's id.
   */
  async generateInstance(order: InstanceOrder, ended: (outcome: InstanceOutcome) => Promise<void>): Promise<string> {
    const { request, unitId, itemModelId } = order;
    const job = await this.jobs.create({ kind: 'item-instance', request, unitId, createdBy: null });
    let made: { exerciseId: string; versionId: string } | null = null;
    const create = async (input: ExerciseInput) => {
      made = await this.exercises.createInstance(unitId, itemModelId, {
        ...input,
        ...(request.parts ? { parts: request.parts } : {}),
      });
      return made.exerciseId;
    };
    const report = async (error: string | null) => {
      await ended(error === null && made ? made : { error: error ?? 'No exercise was made' }).catch((err) =>
        this.log.error({ err, job: job.id }, 'recording a generated document failed'),
      );
    };
    this.enqueue(job.id, null, (ctx) => this.forgeWork(ctx, request), create, report, true);
    return job.id;
  }

  /** Of these jobs, the ones still alive: in this server's queue, or running elsewhere and touched lately. */
  async liveJobIds(ids: string[]): Promise<Set<string>> {
    const elsewhere = await this.jobs.touchedSince(
      ids.filter((id) => !this.here.has(id)),
      STALE_SECONDS,
    );
    return new Set([...ids.filter((id) => this.here.has(id)), ...elsewhere]);
  }

  /** The document the request would make, drawn small under each desk light with its truth; nothing is stored. */
  async preview(actor: Actor, body: ForgeExerciseRequest): Promise<ForgePreview> {
    const request: ForgePlanInput = { ...body, seed: body.seed ?? randomInt(0, 2 ** 31 - 1) };
    return forgePreview(await import('@firstline/forge'), request, (png, width) => this.media.preview(png, width));
  }

  /** A job, for the one who started it (and admins). */
  async get(actor: Actor, id: string): Promise<ExerciseJobView> {
    const job = await this.jobs.find(id);
    if (!job || (actor.role !== 'admin' && job.createdBy !== actor.id)) throw notFound('Job');
    return jobView(job);
  }

  /** Fails the jobs a stopped server left open and removes the media they had ingested. */
  async failStale(staleSeconds = STALE_SECONDS): Promise<number> {
    const stale = await this.jobs.stale(staleSeconds);
    for (const job of stale) {
      await this.removeAssets(job.assetIds);
      await this.jobs.failed(job.id, 'The server stopped while this job ran; nothing was kept — start it again');
    }
    return stale.length;
  }

  /** An instructor's exercise, created as they would create it. */
  private createAs(actor: Actor): (input: ExerciseInput) => Promise<string> {
    return async (input) => (await this.exercises.create(actor, input)).id;
  }

  private enqueue(
    id: string,
    createdBy: string | null,
    work: (ctx: JobContext) => Promise<ExerciseInput>,
    create: (input: ExerciseInput) => Promise<string>,
    ended?: (error: string | null) => Promise<void>,
    background = false,
  ): void {
    this.here.add(id);
    const job: QueuedJob = {
      background,
      run: (handedOver) =>
        this.run(id, createdBy, work, create, ended, handedOver)
          .catch((err) => this.log.error({ err, job: id }, 'an exercise job stopped'))
          .finally(() => this.here.delete(id)),
    };
    const firstBackground = this.waiting.findIndex((j) => j.background);
    if (background || firstBackground < 0) this.waiting.push(job);
    else this.waiting.splice(firstBackground, 0, job);
    void this.drain();
  }

  /**
   * Starts the waiting jobs in order: each once the one before has handed its images to the media pipeline and fewer
   * than JOBS_AT_ONCE are running — one job draws and renders at a time, the pipeline works on the other's images.
   */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.closing && this.waiting.length) {
        while (this.running.size >= JOBS_AT_ONCE) await Promise.race(this.running);
        if (this.closing) break;
        let handedOver!: () => void;
        const rendered = new Promise<void>((resolve) => (handedOver = resolve));
        const running = this.waiting
          .shift()!
          .run(handedOver)
          .finally(() => {
            this.running.delete(running);
            handedOver();
          });
        this.running.add(running);
        await rendered;
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Runs one job: `work` renders and ingests the images (through the context, which records each asset on the job)
   * and returns the exercise to create; `handedOver` hears that; then the pipeline is waited for and the exercise made
   * (`create`). On any failure the job's media are removed and the job fails with the reason. `ended` hears how it
   * went.
   */
  private async run(
    id: string,
    createdBy: string | null,
    work: (ctx: JobContext) => Promise<ExerciseInput>,
    create: (input: ExerciseInput) => Promise<string>,
    ended?: (error: string | null) => Promise<void>,
    handedOver: () => void = () => undefined,
  ): Promise<void> {
    if (this.closing) return; // left open: the next start fails it and removes what it had
    const tmp = await mkdtemp(path.join(this.media.uploadTempDir(), 'forge-'));
    const assetIds: string[] = [];
    const ctx: JobContext = {
      tmp,
      progress: (percent, step) => this.jobs.progress(id, percent, step),
      ingest: async (file, group) => {
        const { id: assetId } = await this.media.ingestFile(path.join(tmp, file), {
          createdBy,
          drawnHere: true,
          group: `forge:${id}:${group}`,
        });
        assetIds.push(assetId);
        await this.jobs.addAsset(id, assetId);
        return assetId;
      },
    };
    try {
      const input = await work(ctx);
      handedOver();
      await this.untilProcessed(id, assetIds);
      await this.jobs.progress(id, 95, 'Creating the exercise');
      await this.jobs.done(id, await create(input));
      await ended?.(null);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn({ err, job: id }, 'forging an exercise failed');
      const job = await this.jobs.find(id);
      await this.removeAssets(job?.assetIds ?? []).catch((e) => this.log.error({ err: e }, 'removing media failed'));
      await this.jobs.failed(id, message);
      await ended?.(message);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** A synthetic document: rendered under every desk light by the forge, with the forge's exact truth. */
  private async forgeWork(ctx: JobContext, request: ForgePlanInput): Promise<ExerciseInput> {
    await ctx.progress(5, 'Drawing the document');
    const forge = await import('@firstline/forge');
    const { instance, truth } = planForgery(forge, request, this.config.DEMO_DPI);
    await ctx.progress(10, 'Rendering the document under every light');
    const lights = forge.ALL_LIGHTS.filter((light) => isDeskImage({ light }));
    await this.images.run('writeInstance', ctx.tmp, instance, truth, { lights });
    await ctx.progress(45, 'Ingesting the images');
    const images = [];
    for (const img of instance.images.filter(isDeskImage)) {
      images.push({
        side: img.side,
        light: img.light,
        frame: img.frame ?? 1,
        assetId: await ctx.ingest(img.file, img.side),
      });
    }
    const travellerId = await ctx.ingest(instance.traveller.file, 'traveller');
    const title = request.title ?? forgedTitle(instance, truth, `(seed ${request.seed})`);
    const options = FEATURE_OPTIONS_BY_TYPE[instance.documentType as 'TD1' | 'TD3'];
    return {
      ...toExerciseInput(instance, truth, images, travellerId, options, title),
      difficulty: request.difficulty ?? difficultyOf(request.subtlety ?? 0.5),
      tags: ['forged', truth.fraudType],
      unitId: request.unitId,
    };
  }

  /**
   * A forgery on a specimen's photographs: the side's photographs read back at full resolution, the operation applied
   * under every light, the forged set and the other sides' photographs written as new media, the drawn region as the
   * truth.
   */
  private async specimenWork(ctx: JobContext, actor: Actor, request: SpecimenForgeRequest): Promise<ExerciseInput> {
    await ctx.progress(5, "Reading the specimen's photographs");
    const specimen = await this.specimens.get(actor, request.specimenId);
    const plan = planSpecimenForgery(specimen, request);
    const forge = await import('@firstline/forge');
    const photos = [];
    for (const img of plan.sideImages) {
      const px = await this.media.pixels(img.asset.id);
      photos.push({ light: img.light, frame: img.frame, width: px.width, height: px.height, data: px.data });
    }
    await ctx.progress(20, `Applying the ${request.operation.replace('-', ' ')} under every light`);
    const forged = await forge.forgePhotographs(photos, {
      operation: request.operation,
      region: request.region,
      seed: request.seed,
      subtlety: request.options.subtlety,
      text: request.options.text,
      feature: plan.feature,
      sex: request.options.sex,
    });
    await ctx.progress(35, 'Ingesting the forged photographs');
    const images: ExerciseInput['images'] = [];
    const write = async (pixels: { data: Uint8Array; width: number; height: number }, name: string) => {
      await this.media.writePng(pixels, path.join(ctx.tmp, name));
      return name;
    };
    for (const [i, p] of forged.photographs.entries()) {
      const file = await write(p, `forged-${i}.png`);
      images.push({
        side: request.side,
        light: p.light as Light,
        frame: p.frame,
        assetId: await ctx.ingest(file, request.side),
      });
    }
    // The other sides as they are — copied, so the exercise owns all its media and every side went through the
    // pipeline the same number of times.
    for (const [i, img] of plan.otherImages.entries()) {
      const file = await write(await this.media.pixels(img.asset.id), `side-${i}.png`);
      images.push({ side: img.side, light: img.light, frame: img.frame, assetId: await ctx.ingest(file, img.side) });
    }
    let travellerAssetId: string | null = null;
    if (forged.face) {
      const file = await write(await forge.substituteTraveller(forged.face, 600, 800), 'traveller.png');
      travellerAssetId = await ctx.ingest(file, 'traveller');
    }
    return {
      title: request.title ?? plan.title,
      issuingState: specimen.issuingState,
      documentType: specimen.documentType,
      difficulty: request.difficulty ?? difficultyOf(request.options.subtlety ?? 0.5),
      tags: ['forged', 'from-specimen', plan.fraudType],
      specimenId: specimen.id,
      // The specimen carries no MRZ text to ask about; the other parts as every forged exercise asks them.
      parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
      images,
      travellerAssetId,
      mrz: [],
      featureOptions: plan.featureOptions,
      context: null,
      truth: {
        verdict: 'fraudulent',
        fraudType: plan.fraudType,
        regions: [
          {
            side: request.side,
            polygon: request.region,
            features: plan.features,
            lights: plan.lights,
            note: plan.note,
          },
        ],
        explanation: plan.explanation,
        mrzFailedChecks: [],
      },
      unitId: request.unitId,
    };
  }

  /** Waits until the media pipeline has processed every image (progress 55–95 %); a failed image fails the job. */
  private async untilProcessed(id: string, assetIds: string[]): Promise<void> {
    const deadline = Date.now() + PROCESSING_TIMEOUT_MS;
    let told = -1;
    let toldAt = 0;
    for (;;) {
      const views: MediaAssetView[] = await this.media.views(assetIds);
      const failed = views.find((v) => v.status === 'failed');
      if (failed) throw new Error(`An image could not be processed: ${failed.failureReason ?? 'unknown reason'}`);
      const ready = views.filter((v) => v.status === 'ready').length;
      if (ready !== told || Date.now() - toldAt >= TOUCH_MS) {
        told = ready;
        toldAt = Date.now();
        await this.jobs.progress(id, 55 + (40 * ready) / assetIds.length, 'Processing the images (tiles and previews)');
      }
      if (ready === assetIds.length) return;
      if (Date.now() > deadline) throw new Error('The images took too long to process');
      // Looked at again when this server finishes an image (any image), or shortly in case another replica did.
      await this.media.imageProcessed(PROCESSED_RECHECK_MS);
    }
  }

  private async removeAssets(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const removeFiles = await this.jobs.transaction((m) => this.media.deleteAssets(m, ids));
    await removeFiles();
  }
}
