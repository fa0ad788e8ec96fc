// Demo content: the forge's demo library (specimens and exercises with exact ground truth) ingested through the
// real media pipeline, plus published modules assigned to the demo cohorts — so a demo trainee can start at once.
// Idempotent (seed keys), safe with several replicas (advisory lock), and cached on disk (the forge output).
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FEATURE_KINDS,
  MRZ_CHECKS,
  TRAINING_STATES,
  type DocumentType,
  type ExerciseInput,
  type ExerciseTruth,
  type FeatureKind,
  type FraudType,
  type ModuleInput,
  type MrzCheck,
} from '@firstline/contracts';
import type { DemoManifest, DocumentInstance, GroundTruth } from '@firstline/forge';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { ExercisesService } from '../exercises/exercises.service';
import { MediaService } from '../media/media.service';
import { Specimen, SpecimenFeature, SpecimenImage } from '../specimens/specimen.entity';
import { ModulesService } from '../modules/modules.service';

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

interface Stored {
  instance: DocumentInstance;
  truth: GroundTruth;
}

const LOCK = 727002;

/** The demo modules: a practice module with lessons, a timed assessment, and a 12-second drill. */
export const DEMO_MODULES: Array<{ key: string; draw: number; input: Omit<ModuleInput, 'exerciseIds' | 'lessonSpecimenIds'>; lessons: boolean; closesInDays: number | null }> = [
  {
    key: 'demo-module:practice',
    draw: 12,
    lessons: true,
    closesInDays: null,
    input: {
      title: 'First-line document check — practice',
      description: 'Study the Utopian, Arcadian and Borgundian specimens, then check twelve documents with feedback after each one.',
      settings: { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 60, moduleTimeSeconds: null, drawCount: 12, minGenuineShare: 0.4, passMark: 70, attemptsAllowed: null },
    },
  },
  {
    key: 'demo-module:assessment',
    draw: 20,
    lessons: false,
    closesInDays: 60,
    input: {
      title: 'First-line assessment — timed',
      description: 'Twenty documents, 30 seconds each, 15 minutes in all. Results after you finish; pass mark 80 %.',
      settings: { mode: 'assessment', feedback: 'after-finish', timePerItemSeconds: 30, moduleTimeSeconds: 15 * 60, drawCount: 20, minGenuineShare: 0.4, passMark: 80, attemptsAllowed: 2 },
    },
  },
  {
    key: 'demo-module:drill',
    draw: 10,
    lessons: false,
    closesInDays: null,
    input: {
      title: '12-second drill',
      description: 'Frontex’s figure for a first-line check: ten documents, twelve seconds each. Accept or refer.',
      settings: { mode: 'practice', feedback: 'after-item', timePerItemSeconds: 12, moduleTimeSeconds: null, drawCount: 10, minGenuineShare: 0.4, passMark: 70, attemptsAllowed: null },
    },
  },
];

@Injectable()
export class DemoContentService {
  private readonly logger = new Logger(DemoContentService.name);
  /** For the health check: whether the demo library is off, being prepared, ready or failed. */
  state: 'off' | 'preparing' | 'ready' | 'failed' = 'off';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly media: MediaService,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
  ) {}

  async seed(opts: DemoContentOptions): Promise<DemoContentReport> {
    this.state = 'preparing';
    try {
      const report = await this.run(opts);
      this.state = 'ready';
      return report;
    } catch (err) {
      this.state = 'failed';
      throw err;
    }
  }

  private async run(opts: DemoContentOptions): Promise<DemoContentReport> {
    const log = opts.log ?? ((line: string) => this.logger.log(line));
    const report: DemoContentReport = { exercisesCreated: 0, modulesCreated: 0, assignmentsCreated: 0 };
    const [{ done }] = await this.db.query(`SELECT count(*)::int AS done FROM training_modules WHERE seed_key LIKE 'demo-module:%'`);
    if (done >= DEMO_MODULES.length) return report;
    // Loaded lazily: forge pulls in the renderer, which only the seeder needs.
    const forge = await import('@firstline/forge');
    const t0 = Date.now();
    let rendered = 0;
    const manifest: DemoManifest = await forge.writeDemoLibrary(opts.dir, { dpi: opts.dpi, exercises: opts.exercises }, () => {
      // One line per ten documents rendered, not one per document.
      if (++rendered % 10 === 0) log(`demo library: ${rendered} documents rendered`);
    });
    log(`demo library ready in ${opts.dir} (${manifest.exercises.length} exercises, ${Math.round((Date.now() - t0) / 1000)} s)`);
    const items = await Promise.all(manifest.exercises.map((e) => this.read(opts.dir, e.folder)));
    const options = featureOptionsByType(items);

    const exerciseIds: string[] = [];
    for (const [i, entry] of manifest.exercises.entries()) {
      const key = `demo-exercise:${manifest.options.seed}:${entry.id}`;
      const id = await this.db.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
        const [existing] = await m.query('SELECT id FROM exercises WHERE seed_key = $1', [key]);
        if (existing) return existing.id as string;
        const { instance, truth } = items[i];
        const folder = path.join(opts.dir, entry.folder);
        const group = `demo:${entry.id}`;
        const images = [];
        // The desk's lights: visible, transmitted, oblique at every tilt angle (the OVD must change as the
        // trainee tilts), UV 365 and IR; UV 254 is a second-line lamp. Specimens keep every image for study.
        for (const img of instance.images.filter(isDeskImage)) {
          const asset = await this.media.ingestFile(path.join(folder, img.file), { createdBy: null, group: `${group}:${img.side}`, manager: m });
          images.push({ side: img.side, light: img.light, frame: img.frame ?? 1, assetId: asset.id });
        }
        const traveller = await this.media.ingestFile(path.join(folder, instance.traveller.file), { createdBy: null, group: `${group}:traveller`, manager: m });
        const input = toExerciseInput(instance, truth, images, traveller.id, options.get(instance.documentType) ?? [], i);
        const view = await this.exercises.create(null, input, m, key);
        report.exercisesCreated++;
        return view.id;
      });
      exerciseIds.push(id);
      if ((i + 1) % 10 === 0) log(`demo exercises: ${i + 1}/${manifest.exercises.length}`);
    }
    log('demo images: waiting for the media pipeline');
    await this.media.waitForIdle();

    const specimenIds = await this.specimens(opts, manifest);
    const cohorts: Array<{ id: string }> = await this.db.query(
      `SELECT c.id FROM cohorts c WHERE EXISTS (SELECT 1 FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = c.id AND u.username LIKE 'trainee%') ORDER BY c.name`,
    );
    await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
      for (const def of DEMO_MODULES) {
        const [existing] = await m.query('SELECT id FROM training_modules WHERE seed_key = $1', [def.key]);
        if (existing) continue;
        // A small library (tests, quick demos) draws no more than it has.
        const drawCount = Math.min(def.draw, exerciseIds.length);
        const settings = { ...def.input.settings, drawCount };
        const created = await this.modules.create(null, { ...def.input, settings, exerciseIds, lessonSpecimenIds: def.lessons ? specimenIds : [] }, m, def.key);
        const published = await this.modules.publish(null, created.id, m);
        report.modulesCreated++;
        const opensAt = new Date(Date.now() - 86400_000);
        for (const c of cohorts) {
          await this.modules.assign(
            null,
            {
              moduleVersionId: published.publishedVersion!.id,
              cohortId: c.id,
              opensAt: opensAt.toISOString(),
              closesAt: def.closesInDays ? new Date(Date.now() + def.closesInDays * 86400_000).toISOString() : null,
            },
            m,
          );
          report.assignmentsCreated++;
        }
      }
    });
    log(`demo content ready: ${report.exercisesCreated} exercises, ${report.modulesCreated} modules, ${report.assignmentsCreated} assignments`);
    return report;
  }

  /** Demo specimens in the library (images and annotated features), for the lessons. Idempotent by title. */
  private async specimens(opts: DemoContentOptions, manifest: DemoManifest): Promise<string[]> {
    const ids: string[] = [];
    for (const entry of manifest.specimens) {
      const { instance } = await this.read(opts.dir, entry.folder);
      const stateName = TRAINING_STATES.find((t) => t.code === instance.state.code)?.name ?? instance.state.name;
      const title = `${stateName} — ${instance.documentType === 'TD3' ? 'passport' : 'identity card'} (${instance.documentType}) specimen`;
      const id = await this.db.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
        const [existing] = await m.query('SELECT id FROM specimens WHERE title = $1 AND created_by IS NULL', [title]);
        if (existing) return existing.id as string;
        const specimen = await m.save(
          m.create(Specimen, {
            title,
            issuingState: instance.state.code,
            documentType: instance.documentType,
            series: instance.documentType === 'TD3' ? 'Series 2024' : 'Series 2023',
            year: 2024,
            description: `Genuine ${stateName} ${instance.documentType === 'TD3' ? 'passport data page' : 'identity card'} as issued, under every light, with its security features annotated.`,
            createdBy: null,
          }),
        );
        for (const img of instance.images) {
          const asset = await this.media.ingestFile(path.join(opts.dir, entry.folder, img.file), { createdBy: null, group: `specimen:${specimen.id}:${img.side}`, manager: m });
          await m.insert(SpecimenImage, { specimenId: specimen.id, side: img.side, light: img.light, frame: img.frame ?? 1, assetId: asset.id });
        }
        await m.insert(
          SpecimenFeature,
          instance.features.map((f, position) => ({
            specimenId: specimen.id,
            position,
            name: f.label,
            kind: f.name,
            category: f.category,
            side: f.side,
            lights: f.lights,
            region: f.polygon,
            description: f.description,
            zoomHint: null,
          })),
        );
        return specimen.id;
      });
      ids.push(id);
    }
    await this.media.waitForIdle();
    return ids;
  }

  private async read(dir: string, folder: string): Promise<Stored> {
    const json = JSON.parse(await readFile(path.join(dir, folder, 'instance.json'), 'utf8'));
    return { instance: json.instance ?? json, truth: json.truth };
  }
}

function isDeskImage(img: { light: string }): boolean {
  return img.light !== 'uv254';
}

/** One option list per document type: the same for every item of that type, so it says nothing about the item. */
function featureOptionsByType(items: Stored[]): Map<DocumentType, FeatureKind[]> {
  const byType = new Map<DocumentType, Set<FeatureKind>>();
  for (const { instance, truth } of items) {
    const set = byType.get(instance.documentType) ?? new Set<FeatureKind>();
    for (const f of instance.features) set.add(f.name);
    for (const r of truth?.regions ?? []) for (const f of r.features) set.add(f.name);
    byType.set(instance.documentType, set);
  }
  return new Map([...byType].map(([t, s]) => [t, FEATURE_KINDS.filter((k) => s.has(k))]));
}

const FRAUD_TITLE: Record<FraudType, string> = {
  genuine: 'genuine',
  counterfeit: 'counterfeit',
  'forged:photo-substitution': 'photo substitution',
  'forged:data-alteration': 'data alteration',
  'forged:page-substitution': 'page substitution',
  'forged:visa-or-stamp': 'forged stamp',
  pseudo: 'pseudo document',
  impostor: 'impostor',
  'fraudulently-obtained': 'fraudulently obtained',
  'stolen-blank': 'stolen blank',
};

export function toExerciseInput(
  instance: DocumentInstance,
  truth: GroundTruth,
  images: ExerciseInput['images'],
  travellerAssetId: string,
  featureOptions: FeatureKind[],
  index: number,
): ExerciseInput {
  const mrzChecks = (truth.mrzFailedChecks ?? []).filter((c): c is MrzCheck => (MRZ_CHECKS as readonly string[]).includes(c));
  const exerciseTruth: ExerciseTruth = {
    verdict: truth.verdict,
    fraudType: truth.fraudType,
    regions: truth.regions.map((r) => ({ side: r.side, polygon: r.polygon, features: r.features.map((f) => f.name), lights: r.lights, ...(r.note ? { note: r.note } : {}) })),
    explanation: truth.explanation,
    mrzFailedChecks: mrzChecks,
  };
  return {
    title: `${instance.state.code} ${instance.documentType} — ${FRAUD_TITLE[truth.fraudType]} #${String(index + 1).padStart(2, '0')}`,
    issuingState: instance.state.code,
    documentType: instance.documentType,
    difficulty: 2,
    tags: ['demo', truth.fraudType],
    specimenId: null,
    // The same parts for every item: which parts are asked must not hint at the answer.
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: true },
    images,
    travellerAssetId,
    mrz: instance.mrz,
    featureOptions,
    context: {
      referenceDate: instance.context.referenceDate,
      stolenBlankSeries: instance.context.stolenBlankSeries.map((s) => ({ state: s.state, documentType: s.documentType, from: s.from, to: s.to, reportedOn: s.reportedOn })),
      records: instance.context.records.map((r) => ({ source: r.source, result: r.result, note: r.note })),
    },
    truth: exerciseTruth,
  };
}

export type { EntityManager };
