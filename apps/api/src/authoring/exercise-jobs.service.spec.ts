import os from 'node:os';
import type { AppConfig } from '../config/config';
import type { ExercisesService } from '../exercises';
import type { ImageWorker, MediaService } from '../media';
import type { SpecimensService } from '../specimens';
import type { ExerciseJobsRepository } from './exercise-jobs.repository';
import { ExerciseJobsService, type InstanceOrder } from './exercise-jobs.service';

/**
 * The queue's order with the database, the forge and the media pipeline replaced by fakes: each job's work ingests one
 * image, and the pipeline finishes an image only when the test says so.
 */
function harness() {
  const started: string[] = [];
  const ended: string[] = [];
  const processed = new Set<string>();
  let jobs = 0;
  const repo = {
    create: async () => ({ id: `job-${++jobs}` }),
    progress: async () => undefined,
    addAsset: async () => undefined,
    done: async () => undefined,
    failed: async () => undefined,
    find: async () => null,
  } as unknown as ExerciseJobsRepository;
  const media = {
    uploadTempDir: () => os.tmpdir(),
    ingestFile: async (file: string) => ({ id: `asset-${file.split('-').pop()}` }),
    views: async (ids: string[]) =>
      ids.map((id) => ({ id, status: processed.has(id) ? 'ready' : 'processing', failureReason: null })),
  } as unknown as MediaService;
  const exercises = {
    createInstance: async () => ({ exerciseId: 'e', versionId: 'v' }),
  } as unknown as ExercisesService;
  const service = new ExerciseJobsService(
    { DEMO_DPI: 50 } as AppConfig,
    repo,
    exercises,
    media,
    {} as SpecimensService,
    {} as ImageWorker,
  );
  type Ctx = { tmp: string; ingest(file: string, group: string): Promise<string> };
  const proto = ExerciseJobsService.prototype as unknown as {
    forgeWork: (ctx: Ctx, request: { seed: number }) => Promise<unknown>;
  };
  jest.spyOn(proto, 'forgeWork').mockImplementation(async (ctx: Ctx, request: { seed: number }) => {
    started.push(`doc ${request.seed}`);
    await ctx.ingest(`${ctx.tmp}/image-${request.seed}`, 'data-page');
    return { title: `doc ${request.seed}` };
  });
  const order = (seed: number): InstanceOrder => ({
    request: { issuingState: 'UTO', documentType: 'TD3', fraudType: 'genuine', seed },
    unitId: 'u',
    itemModelId: 'm',
  });
  const generate = (seed: number) =>
    service.generateInstance(order(seed), async () => {
      ended.push(`doc ${seed}`);
    });
  return { service, started, ended, finish: (seed: number) => processed.add(`asset-${seed}`), generate };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

afterEach(() => jest.restoreAllMocks());

describe('ExerciseJobsService queue', () => {
  it('starts the next job once the one before has handed its images over, two at a time, in order', async () => {
    const { service, started, ended, finish, generate } = harness();
    for (const seed of [1, 2, 3]) await generate(seed);
    // Document 1's images are in the pipeline: document 2 is drawn meanwhile; document 3 waits for a free place.
    await until(() => started.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(started).toEqual(['doc 1', 'doc 2']);
    expect(ended).toEqual([]);

    finish(2); // a later job may end first; its place goes to the next waiting job
    await until(() => ended.length === 1 && started.length === 3);
    expect(ended).toEqual(['doc 2']);
    expect(started).toEqual(['doc 1', 'doc 2', 'doc 3']);

    // One at a time: finished together, the two jobs' polls of the pipeline could notice in either order.
    finish(1);
    await until(() => ended.length === 2);
    finish(3);
    await until(() => ended.length === 3);
    expect(ended).toEqual(['doc 2', 'doc 1', 'doc 3']);
    await service.onModuleDestroy();
  });
});
