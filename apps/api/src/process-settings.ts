// How the API's Node process is started: `npm start` and the Docker image pass these flags, the Docker image sets this
// environment, and the benchmarks start the API with both (process-settings.spec.ts checks that they agree). They
// bound memory that the process would otherwise hold without using it (docs/benchmarks.md, "Exam day"):
//
// - V8 lets the old generation grow to a multiple of what survived the last full collection before it collects again,
//   and that multiple depends on the heap limit: 4 when the limit is 2 GB or more (Node's default is a share of the
//   machine's memory, about 4 GB here), falling towards 1.3 as the limit nears 256 MB. Under exam load the API
//   promotes some 17 MB/s of short-lived request garbage, so with the default it peaked at 300+ MB of heap for 80 MB
//   live. A limit of 1 GB (a multiple of 1.3–2) kept the process's peak near 260 MB, and is more than ten times what is
//   live under that load.
// - glibc gives every thread that allocates its own arena (up to eight per core) and keeps freed memory in it: after
//   libvips (sharp) has processed images on its worker threads, the API held about 330 MB it no longer used. Two
//   arenas hold less of it. (Mapping large buffers on their own, MALLOC_MMAP_THRESHOLD_, returned most of the rest but
//   made the media pipeline 20–40 % slower.) Other C libraries ignore the variable.
// - jemalloc, where it is installed, replaces glibc's allocator and returns what libvips frees within a second
//   (common/process/allocator.ts): the Docker image installs and preloads it (API_ALLOCATOR_ENV); the benchmarks
//   preload it when the machine has it.
import { JEMALLOC_CONF, JEMALLOC_LINK } from './common/process/allocator';

export const API_NODE_FLAGS: readonly string[] = ['--max-old-space-size=1024'];

export const API_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The Docker image's allocator: jemalloc preloaded from where the image links it, tuned to return memory soon. */
export const API_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  LD_PRELOAD: JEMALLOC_LINK,
  MALLOC_CONF: JEMALLOC_CONF,
};
