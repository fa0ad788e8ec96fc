// jemalloc as the API's memory allocator. libvips (sharp) allocates and frees large image buffers on its worker
// threads; glibc keeps much of what it frees (after the demo library's ingest the API held 410–580 MB idle against
// 190 MB restarted), jemalloc gives it back to the system a second after it was last used (MALLOC_CONF below), as
// sharp's documentation recommends on glibc. The Docker image installs Debian's libjemalloc2, links it at
// JEMALLOC_LINK and preloads it; the benchmarks preload it where it is installed (docs/operations.md).
import fs from 'node:fs';

/** Where the Docker image links the library, whatever the machine's architecture. */
export const JEMALLOC_LINK = '/usr/local/lib/libjemalloc.so.2';

/**
 * A background thread returns memory unused for a second (dirty_decay_ms; jemalloc's default is 10 s) straight to
 * the system (muzzy_decay_ms 0: no second, lazier stage).
 */
export const JEMALLOC_CONF = 'background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0';

/** The image's link first, then where Debian and Ubuntu install libjemalloc2. */
const PLACES = [
  JEMALLOC_LINK,
  '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
  '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2',
];

/** The installed jemalloc, or null. */
export function findJemalloc(exists: (file: string) => boolean = fs.existsSync): string | null {
  return PLACES.find((file) => exists(file)) ?? null;
}

/**
 * The environment for a process the API starts that should not run on jemalloc, which the image preloads into every
 * process: Chromium for the PDFs (it brings its own allocator, and its GPU process dies with jemalloc preloaded) and
 * the image worker (image-worker.ts says why). Other preloaded libraries stay.
 */
export function withoutJemalloc(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const preload = (env.LD_PRELOAD ?? '').split(/[\s:]+/).filter(Boolean);
  const others = preload.filter((lib) => !/(^|\/)libjemalloc\.so/.test(lib));
  if (others.length === preload.length) return env;
  const { LD_PRELOAD: _preload, MALLOC_CONF: _conf, ...rest } = env;
  return others.length ? { ...rest, LD_PRELOAD: others.join(' ') } : rest;
}
