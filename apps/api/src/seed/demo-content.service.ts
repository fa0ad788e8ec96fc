// Demo content: the forge's demo library (specimens and exercises with exact ground truth) ingested through the
// real media pipeline, plus published modules assigned to the demo cohorts — so a demo trainee can start at once.
// Exercises and modules belong to a unit, so each demo unit (a unit with a demo cohort) gets its own exercises and
// modules, assigned to its own cohorts; the images are ingested once and shared by the units' copies.
// Idempotent (seed keys), safe with several replicas (advisory lock), and cached on disk (the forge output).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TRAINING_STATES } from '@firstline/contracts';
import type { DemoManifest } from '@firstline/forge';
import { Injectable, Logger } from '@nestjs/common';
import { CohortRosterService } from '../cohorts';
import { ExercisesService } from '../exercises';
import { MediaService } from '../media';
import { ModulesService } from '../modules';
import { SpecimensService } from '../specimens';
import { UsersService } from '../users';
import { DemoContentRepository } from './demo-content.repository';
import { featureOptionsByType, isDeskImage, toExerciseInput, type DemoDocument } from './demo-exercise-input';
import { DemoHistoryService } from './demo-history.service';
import { DEMO_MODULES } from './demo-modules';

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

@Injectable()
export class DemoContentService {
  private readonly logger = new Logger(DemoContentService.name);
  /** For the health check: whether the demo library is off, being prepared, ready or failed. */
  state: 'off' | 'preparing' | 'ready' | 'failed' = 'off';

  constructor(
    private readonly seeding: DemoContentRepository,
    private readonly media: MediaService,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
    private readonly library: SpecimensService,
    private readonly cohorts: CohortRosterService,
    private readonly users: UsersService,
    private readonly history: DemoHistoryService,
  ) {}

  async seed(opts: DemoContentOptions): Promise<DemoContentReport> {
    this.state = 'preparing';
    try {
      const report = await this.run(opts);
      this.state = 'ready';
      this.history.afterDemoContent();
      return report;
    } catch (err) {
      this.state = 'failed';
      throw err;
    }
  }

  private async run(opts: DemoContentOptions): Promise<DemoContentReport> {
    const log = opts.log ?? ((line: string) => this.logger.log(line));
    const report: DemoContentReport = { exercisesCreated: 0, modulesCreated: 0, assignmentsCreated: 0 };
    if ((await this.modules.countSeededModules('demo-module:')) >= DEMO_MODULES.length) return report;
    // Loaded lazily: forge pulls in the renderer, which only the seeder needs.
    const forge = await import('@firstline/forge');
    const t0 = Date.now();
    let rendered = 0;
    const manifest: DemoManifest = await forge.writeDemoLibrary(
      opts.dir,
      { dpi: opts.dpi, exercises: opts.exercises },
      () => {
        // One line per ten documents rendered, not one per document.
        if (++rendered % 10 === 0) log(`demo library: ${rendered} documents rendered`);
      },
    );
    log(
      `demo library ready in ${opts.dir} (${manifest.exercises.length} exercises, ${Math.round((Date.now() - t0) / 1000)} s)`,
    );
    const items = await Promise.all(manifest.exercises.map((e) => this.read(opts.dir, e.folder)));
    const options = featureOptionsByType(items);
    const demoCohortIds = await this.cohorts.cohortsWithAnyOf(await this.users.idsWithUsernamePrefix('trainee'));
    const demoCohorts = (await this.cohorts.all()).filter((cohort) => demoCohortIds.includes(cohort.id));
    const unitIds = [...new Set(demoCohorts.map((cohort) => cohort.unitId))];

    const exerciseIds = new Map<string, string[]>(unitIds.map((unitId) => [unitId, []]));
    for (const [i, entry] of manifest.exercises.entries()) {
      const key = `demo-exercise:${manifest.options.seed}:${entry.id}`;
      const ids = await this.seeding.lockedTransaction(async (m) => {
        const existing = new Map<string, string>();
        for (const unitId of unitIds) {
          const id = await this.exercises.seededExerciseId(`${key}@${unitId}`, m);
          if (id) existing.set(unitId, id);
        }
        if (existing.size === unitIds.length) return existing;
        const { instance, truth } = items[i];
        const folder = path.join(opts.dir, entry.folder);
        const group = `demo:${entry.id}`;
        const images = [];
        // The desk's lights: visible, transmitted, oblique at every tilt angle (the OVD must change as the
        // trainee tilts), UV 365 and IR; UV 254 is a second-line lamp. Specimens keep every image for study.
        for (const img of instance.images.filter(isDeskImage)) {
          const asset = await this.media.ingestFile(path.join(folder, img.file), {
            createdBy: null,
            group: `${group}:${img.side}`,
            manager: m,
          });
          images.push({ side: img.side, light: img.light, frame: img.frame ?? 1, assetId: asset.id });
        }
        const traveller = await this.media.ingestFile(path.join(folder, instance.traveller.file), {
          createdBy: null,
          group: `${group}:traveller`,
          manager: m,
        });
        const input = toExerciseInput(
          instance,
          truth,
          images,
          traveller.id,
          options.get(instance.documentType) ?? [],
          i,
        );
        for (const unitId of unitIds.filter((unit) => !existing.has(unit))) {
          existing.set(unitId, (await this.exercises.createForSeed(`${key}@${unitId}`, unitId, input, m)).id);
          report.exercisesCreated++;
        }
        return existing;
      });
      for (const unitId of unitIds) exerciseIds.get(unitId)!.push(ids.get(unitId)!);
      if ((i + 1) % 10 === 0) log(`demo exercises: ${i + 1}/${manifest.exercises.length}`);
    }
    log('demo images: waiting for the media pipeline');
    await this.media.waitForIdle();

    const specimenIds = await this.specimens(opts, manifest);
    // Every unit's modules in one transaction: the check at the top finds all of them or none.
    await this.seeding.lockedTransaction(async (m) => {
      for (const unitId of unitIds) {
        const pool = exerciseIds.get(unitId)!;
        const cohortIds = demoCohorts.filter((cohort) => cohort.unitId === unitId).map((cohort) => cohort.id);
        for (const def of DEMO_MODULES) {
          // A small library (tests, quick demos) draws no more than it has.
          const drawCount = Math.min(def.draw, pool.length);
          const settings = { ...def.input.settings, drawCount };
          const lessonSpecimenIds = def.lessons ? specimenIds : [];
          const input = { ...def.input, settings, exerciseIds: pool, lessonSpecimenIds };
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
    log(
      `demo content ready: ${report.exercisesCreated} exercises, ${report.modulesCreated} modules, ${report.assignmentsCreated} assignments`,
    );
    return report;
  }

  /** Demo specimens in the library (images and annotated features), for the lessons. Idempotent by title. */
  private async specimens(opts: DemoContentOptions, manifest: DemoManifest): Promise<string[]> {
    const ids: string[] = [];
    for (const entry of manifest.specimens) {
      const { instance } = await this.read(opts.dir, entry.folder);
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
            const asset = await this.media.ingestFile(path.join(opts.dir, entry.folder, img.file), {
              createdBy: null,
              group: `specimen:${specimenId}:${img.side}`,
              manager: m,
            });
            return asset.id;
          },
          m,
        ),
      );
      ids.push(id);
    }
    await this.media.waitForIdle();
    return ids;
  }

  private async read(dir: string, folder: string): Promise<DemoDocument> {
    const json = JSON.parse(await readFile(path.join(dir, folder, 'instance.json'), 'utf8'));
    return { instance: json.instance ?? json, truth: json.truth };
  }
}
