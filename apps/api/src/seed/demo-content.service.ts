// Demo content: the forge's demo library (specimens and exercises with exact ground truth) ingested through the
// real media pipeline, plus published modules assigned to the demo cohorts — the practice modules first, within a
// minute of the first start, then the assessment.
// Exercises and modules belong to a unit, so each demo unit (a unit with a demo cohort) gets its own exercises and
// modules, assigned to its own cohorts; the images are ingested once and shared by the units' copies.
// Idempotent (seed keys), safe with several replicas (advisory lock), and cached on disk (the forge output).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TRAINING_STATES, type DemoContentStatus } from '@firstline/contracts';
import type { DemoManifestEntry } from '@firstline/forge';
import { Injectable, Logger } from '@nestjs/common';
import { FEATURE_OPTIONS_BY_TYPE, forgedTitle, isDeskImage, toExerciseInput, type ForgedDocument } from '../authoring';
import { CohortRosterService } from '../cohorts';
import { ExercisesService } from '../exercises';
import { ImageWorker, MediaService } from '../media';
import { ModulesService } from '../modules';
import { SpecimensService } from '../specimens';
import { UsersService } from '../users';
import { DemoContentProgress } from './demo-content-progress';
import { DemoContentRepository } from './demo-content.repository';
import { DemoHistoryService } from './demo-history.service';
import { DEMO_MODULES, demoPlan, PRACTICE_POOL } from './demo-modules';

export interface DemoContentOptions {
  /** Where the forge library is generated (cached between starts). */
  dir: string;
  dpi?: number;
  exercises?: number;
  log?: (line: string) => void;
}

export interface DemoContentReport {
  exercisesCreated: number;
  modulesCreated: number;
  assignmentsCreated: number;
}

/** The demo units (units with a demo cohort), each with its demo cohorts: a unit gets its own exercises and modules. */
type DemoUnits = Map<string, string[]>;

@Injectable()
export class DemoContentService {
  private readonly logger = new Logger(DemoContentService.name);
  private readonly progress = new DemoContentProgress();

  constructor(
    private readonly seeding: DemoContentRepository,
    private readonly media: MediaService,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
    private readonly library: SpecimensService,
    private readonly cohorts: CohortRosterService,
    private readonly users: UsersService,
    private readonly history: DemoHistoryService,
    private readonly images: ImageWorker,
  ) {}

  /** For the health check: whether the demo library is off, being prepared, ready or failed. */
  get state(): DemoContentStatus['state'] {
    return this.progress.state;
  }

  /** For My training: which step runs and how far it is. */
  status(): DemoContentStatus {
    return this.progress.status();
  }

  async seed(opts: DemoContentOptions): Promise<DemoContentReport> {
    this.progress.state = 'preparing';
    try {
      const report = await this.run(opts);
      this.progress.practiceReady = true;
      this.progress.state = 'ready';
      this.history.afterDemoContent();
      return report;
    } catch (err) {
      this.progress.state = 'failed';
      throw err;
    }
  }

  /**
   * In two steps, so that a trainee can practise within a minute of the first start: the specimens and the practice
   * pool are drawn, ingested and processed and the practice modules published; then the rest of the library is,
   * and the assessment published.
   */
  private async run(opts: DemoContentOptions): Promise<DemoContentReport> {
    const log = opts.log ?? ((line: string) => this.logger.log(line));
    const report: DemoContentReport = { exercisesCreated: 0, modulesCreated: 0, assignmentsCreated: 0 };
    const units = await this.demoUnits();
    if ((await this.modules.countSeededModules('demo-module:')) >= DEMO_MODULES.length * units.size) return report;
    // Loaded lazily: forge pulls in the renderer, which only the seeder needs.
    const forge = await import('@firstline/forge');
    const t0 = Date.now();
    const seconds = () => Math.round((Date.now() - t0) / 1000);
    const total = opts.exercises ?? forge.DEMO_DEFAULTS.exercises;
    const practiceCount = Math.min(PRACTICE_POOL, total);
    const pools = new Map<string, string[]>([...units.keys()].map((unitId) => [unitId, []]));
    const verdicts: string[] = [];
    const lessonIds: string[] = [];

    this.progress.begin('practice', practiceCount + forge.DEMO_SPECIMEN_COUNT);
    await this.images.run(
      'writeDemoLibrary',
      opts.dir,
      { dpi: opts.dpi, exercises: opts.exercises },
      {
        firstPart: practiceCount,
        // Each document is ingested as soon as it is drawn: the media pipeline processes its images while the next
        // one is drawn.
        onDocument: async (kind, entry) => {
          this.progress.documentRendered();
          if (kind === 'specimen') {
            lessonIds.push(await this.specimen(opts.dir, entry));
            return;
          }
          const ids = await this.ingestExercise(opts.dir, entry, forge.DEMO_DEFAULTS.seed, units, report);
          verdicts.push(entry.verdict);
          for (const [unitId, pool] of pools) pool.push(ids.get(unitId)!);
        },
        onPart: async (part) => {
          await this.media.waitForIdle((pending) => this.progress.imagesPending(pending));
          if (part.index === 1) return;
          const practicePools = new Map([...pools].map(([unitId, pool]) => [unitId, pool.slice(0, practiceCount)]));
          await this.publish('practice', () => ({ pools: practicePools }), units, lessonIds, report);
          this.progress.practiceReady = true;
          log(`demo practice modules ready (${practiceCount} documents, ${seconds()} s)`);
          this.progress.begin('library', total - practiceCount);
        },
      },
    );
    // The drill and the assessment on documents of their own, when there are enough of them.
    const plan = demoPlan(verdicts);
    const range = (key: string) => (key === 'demo-module:drill' ? plan.drill : plan.exam);
    await this.publish(
      'library',
      (key) => ({
        pools: new Map([...pools].map(([unitId, pool]) => [unitId, pool.slice(...range(key))])),
        ...(key === 'demo-module:assessment' ? { drawCount: plan.examDraw, attemptsAllowed: plan.examAttempts } : {}),
      }),
      units,
      lessonIds,
      report,
    );
    log(
      `demo content ready in ${seconds()} s: ${report.exercisesCreated} exercises, ${report.modulesCreated} modules, ${report.assignmentsCreated} assignments`,
    );
    return report;
  }

  private async demoUnits(): Promise<DemoUnits> {
    const demoCohortIds = await this.cohorts.cohortsWithAnyOf(await this.users.idsWithUsernamePrefix('trainee'));
    const units: DemoUnits = new Map();
    for (const cohort of await this.cohorts.all()) {
      if (!demoCohortIds.includes(cohort.id)) continue;
      units.set(cohort.unitId, [...(units.get(cohort.unitId) ?? []), cohort.id]);
    }
    return units;
  }

  /**
   * Ingests an exercise's images once and creates its copy in every demo unit, in one transaction (idempotent by
   * seed key). Returns each unit's exercise id.
   */
  private async ingestExercise(
    dir: string,
    entry: DemoManifestEntry,
    librarySeed: string,
    units: DemoUnits,
    report: DemoContentReport,
  ): Promise<Map<string, string>> {
    const unitIds = [...units.keys()];
    const { instance, truth } = await this.read(dir, entry.folder);
    const index = Number(path.basename(entry.folder));
    const key = `demo-exercise:${librarySeed}:${entry.id}`;
    let queued = 0;
    const ids = await this.seeding.lockedTransaction(async (m) => {
      const existing = new Map<string, string>();
      for (const unitId of unitIds) {
        const id = await this.exercises.seededExerciseId(`${key}@${unitId}`, m);
        if (id) existing.set(unitId, id);
      }
      if (existing.size === unitIds.length) return existing;
      const folder = path.join(dir, entry.folder);
      const group = `demo:${entry.id}`;
      const images = [];
      // The desk's lights: visible, transmitted, oblique at every tilt angle (the OVD must change as the
      // trainee tilts), UV 365 and IR; UV 254 is a second-line lamp. Specimens keep every image for study.
      for (const img of instance.images.filter(isDeskImage)) {
        const asset = await this.media.ingestFile(path.join(folder, img.file), {
          createdBy: null,
          drawnHere: true,
          group: `${group}:${img.side}`,
          manager: m,
        });
        images.push({ side: img.side, light: img.light, frame: img.frame ?? 1, assetId: asset.id });
      }
      const traveller = await this.media.ingestFile(path.join(folder, instance.traveller.file), {
        createdBy: null,
        drawnHere: true,
        group: `${group}:traveller`,
        manager: m,
      });
      const options = FEATURE_OPTIONS_BY_TYPE[instance.documentType];
      const title = forgedTitle(instance, truth, `#${String(index + 1).padStart(2, '0')}`);
      const input = toExerciseInput(instance, truth, images, traveller.id, options, title);
      for (const unitId of unitIds.filter((unit) => !existing.has(unit))) {
        existing.set(unitId, (await this.exercises.createForSeed(`${key}@${unitId}`, unitId, input, m)).id);
        report.exercisesCreated++;
      }
      queued = images.length + 1;
      return existing;
    });
    // Counted once committed, and also when an earlier start had ingested it (no images queued then).
    this.progress.documentIngested(queued);
    return ids;
  }

  /**
   * Publishes the demo modules of one step and assigns them to each unit's demo cohorts, in one transaction; `poolOf`
   * gives each module's pool per unit and, where the library is small, a smaller draw or fewer attempts.
   */
  private async publish(
    step: 'practice' | 'library',
    poolOf: (key: string) => { pools: Map<string, string[]>; drawCount?: number; attemptsAllowed?: number },
    units: DemoUnits,
    lessonIds: string[],
    report: DemoContentReport,
  ): Promise<void> {
    await this.seeding.lockedTransaction(async (m) => {
      for (const [unitId, cohortIds] of units) {
        for (const def of DEMO_MODULES.filter((d) => d.step === step)) {
          const { pools, drawCount, attemptsAllowed } = poolOf(def.key);
          const itemModels = def.itemModels ?? [];
          const exerciseIds = itemModels.length ? [] : pools.get(unitId)!;
          // A small library (tests, quick demos) draws no more than it has.
          const settings = {
            ...def.input.settings,
            drawCount: Math.min(drawCount ?? def.draw, exerciseIds.length + itemModels.length),
            attemptsAllowed: attemptsAllowed ?? def.input.settings.attemptsAllowed,
          };
          const lessonSpecimenIds = def.lessons ? lessonIds : [];
          const input = { ...def.input, settings, exerciseIds, itemModels, lessonSpecimenIds };
          const opensAt = new Date(Date.now() - 86400_000);
          const closesAt = def.closesInDays ? new Date(Date.now() + def.closesInDays * 86400_000) : null;
          const seedKey = `${def.key}@${unitId}`;
          const seeded = await this.modules.seedAssignedModule(
            { seedKey, unitId, input, cohortIds, opensAt, closesAt },
            m,
          );
          if (seeded.created) report.modulesCreated++;
          report.assignmentsCreated += seeded.assignmentsCreated;
        }
      }
    });
  }

  /** A demo specimen in the library (images and annotated features), for the lessons. Idempotent by title. */
  private async specimen(dir: string, entry: DemoManifestEntry): Promise<string> {
    const { instance } = await this.read(dir, entry.folder);
    const stateName = TRAINING_STATES.find((t) => t.code === instance.state.code)?.name ?? instance.state.name;
    const title = `${stateName} — ${instance.documentType === 'TD3' ? 'passport' : 'identity card'} (${instance.documentType}) specimen`;
    const isPassport = instance.documentType === 'TD3';
    const seed = {
      title,
      issuingState: instance.state.code,
      documentType: instance.documentType,
      series: isPassport ? 'Series 2024' : 'Series 2023',
      year: 2024,
      description: `Genuine ${stateName} ${isPassport ? 'passport data page' : 'identity card'} as issued, under every light, with its security features annotated.`,
      images: instance.images.map((img) => ({
        side: img.side,
        light: img.light,
        frame: img.frame ?? 1,
        file: img.file,
      })),
      features: instance.features.map((f) => ({
        name: f.label,
        kind: f.name,
        category: f.category,
        side: f.side,
        lights: f.lights,
        region: f.polygon,
        description: f.description,
      })),
    };
    const id = await this.seeding.lockedTransaction((m) =>
      this.library.seedLibrarySpecimen(
        seed,
        async (specimenId, img) => {
          const asset = await this.media.ingestFile(path.join(dir, entry.folder, img.file), {
            createdBy: null,
            drawnHere: true,
            group: `specimen:${specimenId}:${img.side}`,
            manager: m,
          });
          return asset.id;
        },
        m,
      ),
    );
    this.progress.documentIngested(seed.images.length);
    return id;
  }

  private async read(dir: string, folder: string): Promise<ForgedDocument> {
    const json = JSON.parse(await readFile(path.join(dir, folder, 'instance.json'), 'utf8'));
    return { instance: json.instance ?? json, truth: json.truth };
  }
}
