// The API's end of the image worker (image-worker.main.ts): forks it on the first task, runs tasks on it (any number
// at once; libvips spreads them over its threads), answers its callbacks, and lets it go once it has been idle for
// `idleMs`, so that what libvips held is returned to the system. If the worker dies, the tasks it had fail with a
// plain reason and the next task starts a new one.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { withoutJemalloc } from '../../common/process/allocator';
import type { ImageTasks } from './image-worker.main';
import {
  encodeCallbacks,
  fromWire,
  toWire,
  WORKER_SHARP_CONCURRENCY,
  type WorkerReply,
  type WorkerRequest,
} from './rpc';

type Callback = (...args: never[]) => unknown;

/**
 * The worker's environment: the API's, with its libvips thread count, and on the system's allocator (glibc) even
 * where the API runs on jemalloc. jemalloc returns freed pages to the system a second after their last use, which
 * is what keeps a long-lived API small; in the worker, which is let go when idle and so returns everything anyway,
 * it only made libvips fault its buffers in again and again: deriving a 200-dpi document's eight images cost 25–40 %
 * more CPU on jemalloc than on glibc (docs/benchmarks.md, item generation).
 */
export function imageWorkerEnv(env: NodeJS.ProcessEnv, sharpConcurrency: number): NodeJS.ProcessEnv {
  return { ...withoutJemalloc(env), [WORKER_SHARP_CONCURRENCY]: String(sharpConcurrency) };
}

interface Running {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  callbacks: Callback[];
}

export interface ImageWorkerOptions {
  /** libvips threads in the worker (0: one per core). */
  sharpConcurrency: number;
  /** How long the worker stays after its last task. */
  idleMs: number;
}

/** How long the worker stays after its last task, unless told otherwise. */
export const IMAGE_WORKER_IDLE_MS = 10_000;

export class ImageWorker {
  private readonly log = new Logger(ImageWorker.name);
  private child: ChildProcess | null = null;
  private readonly running = new Map<number, Running>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: ImageWorkerOptions) {}

  /** Runs `task` in the worker; functions among `args` (at any depth of plain data) are called back here. */
  run<K extends keyof ImageTasks>(
    task: K,
    ...args: Parameters<ImageTasks[K]>
  ): Promise<Awaited<ReturnType<ImageTasks[K]>>> {
    if (this.closed) return Promise.reject(new Error('The image worker is shut down'));
    const child = this.started();
    const id = this.nextId++;
    const callbacks: Callback[] = [];
    const request: WorkerRequest = { kind: 'call', id, task, args: encodeCallbacks(args, callbacks) as unknown[] };
    return new Promise((resolve, reject) => {
      this.running.set(id, { resolve: resolve as (v: unknown) => void, reject, callbacks });
      this.busy(child);
      const unsent = (err: Error) =>
        this.settle(id, () => reject(new Error(`The image worker could not be given the task: ${err.message}`)));
      try {
        child.send(request, (err) => err && unsent(err));
      } catch (err) {
        unsent(err as Error); // arguments that cannot be cloned
      }
    });
  }

  /** The worker's process id while it runs (null when there is none). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Ends the worker; tasks still running fail. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private started(): ChildProcess {
    if (this.child) return this.child;
    const ext = path.extname(__filename);
    const fromSource = ext === '.ts';
    const child = fork(path.join(__dirname, `image-worker.main${ext}`), [], {
      serialization: 'advanced',
      // From TypeScript sources (the test suites), the worker compiles them as it loads them, as jest does.
      execArgv: fromSource
        ? ['-r', path.resolve(__dirname, '../../../test/ts-register.cjs')]
        : process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
      env: imageWorkerEnv(process.env, this.opts.sharpConcurrency),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (msg: WorkerReply) => this.received(child, msg));
    child.on('error', (err) => this.log.error({ err }, 'image worker error'));
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.running.size === 0) return;
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      this.log.error({ code, signal, tasks: this.running.size }, 'the image worker stopped while working');
      for (const [id, task] of this.running)
        this.settle(id, () => task.reject(new Error(`The image worker ${how} while working on it`)));
    });
    this.child = child;
    return child;
  }

  private received(child: ChildProcess, msg: WorkerReply): void {
    const task = this.running.get(msg.id);
    if (!task) return;
    if (msg.kind === 'done') this.settle(msg.id, () => task.resolve(msg.value));
    else if (msg.kind === 'failed') this.settle(msg.id, () => task.reject(fromWire(msg.error)));
    else {
      const reply = (answer: { value?: unknown; error?: ReturnType<typeof toWire> }) => {
        if (child.connected) child.send({ kind: 'returned', id: msg.id, callId: msg.callId, ...answer });
      };
      Promise.resolve()
        .then(() => (task.callbacks[msg.ref] as (...a: unknown[]) => unknown)(...msg.args))
        .then(
          (value) => reply({ value }),
          (err: unknown) => reply({ error: toWire(err) }),
        );
    }
  }

  private settle(id: number, finish: () => void): void {
    if (!this.running.delete(id)) return;
    finish();
    if (this.running.size === 0) this.idle();
  }

  /** A task is running: the worker keeps the API's event loop alive and stays. */
  private busy(child: ChildProcess): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    child.ref();
    child.channel?.ref();
  }

  /** No task is running: the worker no longer holds the API open, and goes after `idleMs`. */
  private idle(): void {
    const child = this.child;
    if (!child) return;
    child.unref();
    child.channel?.unref();
    this.idleTimer = setTimeout(() => void this.stop(), this.opts.idleMs);
    this.idleTimer.unref();
  }

  private async stop(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.exitCode === null && child.signalCode === null) {
      // Disconnecting lets it exit by itself; a worker still busy (at shutdown) is killed.
      if (this.running.size > 0) child.kill('SIGKILL');
      else child.disconnect();
      await exited;
    }
  }
}
