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
  // Jobs waiting for an image to be processed (MediaService.imageProcessed): woken when the test finishes one.
  let waiting: Array<() => void> = [];
  let jobs = 0;
  const progress: Array<{ job: string; percent: number }> = [];
  const repo = {
    create: async () => ({ id: `job-${++jobs}` }),
    progress: async (job: string, percent: number) => void progress.push({ job, percent }),
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
    // Woken by the test's finish(), or at the caller's limit as the real one is.
    imageProcessed: (ms: number) =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, ms);
      }),
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
  const finish = (seed: number) => {
    processed.add(`asset-${seed}`);
    for (const wake of waiting) wake();
    waiting = [];
  };
  return { service, started, ended, progress, finish, generate };
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

  it("writes a waiting job's progress when an image is done, and every 10 s as its sign of life", async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { service, ended, progress, finish, generate } = harness();
      await generate(1);
      const waits = () => progress.filter((p) => p.percent >= 55 && p.percent < 95).length;
      for (let i = 0; i < 100 && waits() === 0; i++) await jest.advanceTimersByTimeAsync(10);
      expect(waits()).toBe(1); // 55 %: none of its images ready yet
      // A minute in the queue: looked at four times a second, written once every 10 s, never left untouched for
      // anything near the 120 s after which other servers take it for dead.
      await jest.advanceTimersByTimeAsync(60_000);
      expect(waits()).toBeGreaterThanOrEqual(6);
      expect(waits()).toBeLessThanOrEqual(8);
      finish(1);
      for (let i = 0; i < 100 && ended.length === 0; i++) await jest.advanceTimersByTimeAsync(10);
      expect(ended).toEqual(['doc 1']);
      expect(progress.some((p) => p.percent === 95)).toBe(true);
      await service.onModuleDestroy();
    } finally {
      jest.useRealTimers();
    }
  });
});
