// The image worker: a child process of the API that does its heavy image work — deriving an asset's variants and
// tiles, inspecting an upload's pixels, and the forge's rendering of whole documents. libvips keeps buffers and
// thread caches, and its allocations fragment the heap, so a long-lived server that ran it itself stayed about 110 MB
// larger after the demo library's ingest; this process ends when idle and hands all of it back
// (docs/media-pipeline.md). A crash in a decoder ends this process, not the API. Started and stopped by
// ImageWorker (image-worker.ts); runs only the tasks named here.
import type * as Forge from '@firstline/forge';
import { configureSharp, deriveImage, inspectImage } from '../image-pipeline';
import {
  decodeCallbacks,
  fromWire,
  toWire,
  WORKER_SHARP_CONCURRENCY,
  type WorkerReply,
  type WorkerRequest,
} from './rpc';

// The forge (and its renderer) is loaded on its first document only.
const forge = (): Promise<typeof Forge> => import('@firstline/forge');

export const IMAGE_TASKS = {
  deriveImage,
  inspectImage,
  writeInstance: async (...args: Parameters<typeof Forge.writeInstance>) => (await forge()).writeInstance(...args),
  writeDemoLibrary: async (...args: Parameters<typeof Forge.writeDemoLibrary>) =>
    (await forge()).writeDemoLibrary(...args),
};
export type ImageTasks = typeof IMAGE_TASKS;

function serve(): void {
  configureSharp({ concurrency: Number(process.env[WORKER_SHARP_CONCURRENCY] ?? 0) });
  const send = (reply: WorkerReply) => process.send!(reply);
  // Callbacks into the API that have not returned yet.
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextCallId = 0;

  const run = async (msg: Extract<WorkerRequest, { kind: 'call' }>) => {
    try {
      if (!Object.hasOwn(IMAGE_TASKS, msg.task)) throw new Error(`The image worker has no task "${msg.task}"`);
      const task = (IMAGE_TASKS as Record<string, (...a: unknown[]) => Promise<unknown>>)[msg.task];
      const args = decodeCallbacks(msg.args, (ref, args) => {
        const callId = nextCallId++;
        return new Promise((resolve, reject) => {
          waiting.set(callId, { resolve, reject });
          send({ kind: 'callback', id: msg.id, callId, ref, args });
        });
      }) as unknown[];
      send({ kind: 'done', id: msg.id, value: await task(...args) });
    } catch (err) {
      send({ kind: 'failed', id: msg.id, error: toWire(err) });
    }
  };

  process.on('message', (msg: WorkerRequest) => {
    if (msg.kind === 'call') {
      void run(msg);
      return;
    }
    const callback = waiting.get(msg.callId);
    if (!callback) return;
    waiting.delete(msg.callId);
    if (msg.error) callback.reject(fromWire(msg.error));
    else callback.resolve(msg.value);
  });
  // The API went away (or let this process go): nothing is left to do here.
  process.on('disconnect', () => process.exit(0));
}

if (require.main === module) serve();
