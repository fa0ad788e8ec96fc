// The image worker: the API's heavy image work runs in a child process that returns its memory when idle. Its tasks
// run there (not in the test's process), call the API back, raise the same 4xx, end with the worker when it dies, and
// the worker leaves once idle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DomainError } from '../src/common/errors/domain-error';
import { findJemalloc, JEMALLOC_CONF } from '../src/common/process/allocator';
import { ImageWorker } from '../src/media/worker/image-worker';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-image-worker-'));
let worker: ImageWorker;
afterEach(() => worker?.close());
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function image(name: string, width = 600, height = 400): Promise<string> {
  const file = path.join(scratch, name);
  await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toFile(file);
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(test: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the image worker', () => {
  it('derives an image in a child process, calling the API back with progress and files', async () => {
    worker = new ImageWorker({ sharpConcurrency: 1, idleMs: 60_000 });
    const src = await image('derive.png');
    const out = fs.mkdtempSync(path.join(scratch, 'out-'));
    const handed: string[] = [];
    const progress: number[] = [];
    const pids = new Set<number | null>();
    const result = await worker.run('deriveImage', src, out, {
      maxPixels: 10_000_000,
      onProgress: async (p) => {
        pids.add(worker.pid);
        progress.push(p);
      },
      onFiles: async (files) => void handed.push(...files),
    });
    expect(result).toMatchObject({ width: 600, height: 400 });
    expect([...pids]).toHaveLength(1);
    expect([...pids][0]).not.toBe(process.pid);
    expect(progress.length).toBeGreaterThan(0);
    expect(handed.sort()).toEqual([...result.files].sort());
    for (const file of result.files) expect(fs.existsSync(path.join(out, file))).toBe(true);
  });

  it('raises the same 4xx as the pipeline does in the API', async () => {
    worker = new ImageWorker({ sharpConcurrency: 1, idleMs: 60_000 });
    const notPng = path.join(scratch, 'not.png');
    fs.writeFileSync(notPng, 'plain text, not an image');
    const err = await worker.run('inspectImage', notPng, 'png', 10_000_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).status).toBe(400);
    // and a good file after it works
    await expect(worker.run('inspectImage', await image('ok.png', 30, 20), 'png', 10_000_000)).resolves.toEqual({
      width: 30,
      height: 20,
    });
  });

  it('fails the tasks of a worker that dies, and starts a new one for the next task', async () => {
    worker = new ImageWorker({ sharpConcurrency: 1, idleMs: 60_000 });
    const src = await image('killed.png');
    const out = fs.mkdtempSync(path.join(scratch, 'out-'));
    let called!: () => void;
    const reached = new Promise<void>((r) => (called = r));
    // The task waits on its first progress callback, which this test never answers: the worker is killed meanwhile.
    const task = worker.run('deriveImage', src, out, {
      maxPixels: 10_000_000,
      onProgress: () => {
        called();
        return new Promise<void>(() => undefined);
      },
    });
    await reached;
    const pid = worker.pid!;
    process.kill(pid, 'SIGKILL');
    await expect(task).rejects.toThrow('The image worker was killed (SIGKILL) while working on it');
    const next = await worker.run('inspectImage', src, 'png', 10_000_000);
    expect(next).toEqual({ width: 600, height: 400 });
    expect(worker.pid).not.toBe(pid);
  });

  it('refuses arguments that cannot travel, and still goes idle', async () => {
    worker = new ImageWorker({ sharpConcurrency: 1, idleMs: 200 });
    const src = await image('clone.png');
    await worker.run('inspectImage', src, 'png', 10_000_000);
    const pid = worker.pid!;
    // A symbol cannot be cloned to another process.
    const bad = worker.run('inspectImage', src, 'png', 10_000_000, { decode: Symbol('x') as unknown as boolean });
    await expect(bad).rejects.toThrow('The image worker could not be given the task');
    await until(() => !alive(pid));
  });

  it('leaves once idle, returning its memory, and comes back for the next task', async () => {
    worker = new ImageWorker({ sharpConcurrency: 1, idleMs: 200 });
    const src = await image('idle.png');
    await worker.run('inspectImage', src, 'png', 10_000_000);
    const pid = worker.pid!;
    expect(alive(pid)).toBe(true);
    await until(() => !alive(pid));
    expect(worker.pid).toBeNull();
    await expect(worker.run('inspectImage', src, 'png', 10_000_000)).resolves.toEqual({ width: 600, height: 400 });
  });

  // The API runs on jemalloc as the Docker image does (LD_PRELOAD); libvips in the worker costs 25–40 % more CPU on it.
  it('runs on the system allocator even where the API preloads jemalloc', async () => {
    const jemalloc = findJemalloc();
    if (!jemalloc) throw new Error('libjemalloc2 is not installed (.ci/run installs it: apt-get install libjemalloc2)');
    const saved = { LD_PRELOAD: process.env.LD_PRELOAD, MALLOC_CONF: process.env.MALLOC_CONF };
    Object.assign(process.env, { LD_PRELOAD: jemalloc, MALLOC_CONF: JEMALLOC_CONF });
    try {
      worker = new ImageWorker({ sharpConcurrency: 1, idleMs: 60_000 });
      await worker.run('inspectImage', await image('allocator.png'), 'png', 10_000_000);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const maps = fs.readFileSync(`/proc/${worker.pid}/maps`, 'utf8');
    expect(maps).toContain('libvips'); // the map is the worker's, with sharp loaded
    expect(maps).not.toContain('libjemalloc');
  });
});
