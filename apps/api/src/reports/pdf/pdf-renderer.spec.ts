// The renderer against the real Chromium (CI installs Debian's chromium): a PDF comes out, renders queue behind the
// limit, and a missing browser is a 503 that says how to install one.
import { DomainError } from '../../common/errors/domain-error';
import { findJemalloc, JEMALLOC_CONF } from '../../common/process/allocator';
import { loadConfig } from '../../config/config';
import { locateChromium } from './chromium-locator';
import { PdfRenderer } from './pdf-renderer';

jest.setTimeout(60_000);

const config = (env: Record<string, string> = {}) => loadConfig({ DATA_DIR: '/tmp/firstline-pdf-spec', ...env });
const page = (text: string) =>
  `<!doctype html><html><head><style>@page { size: A4; margin: 10mm; }</style></head><body><p>${text}</p></body></html>`;
const chromium = locateChromium(undefined);

describe('PdfRenderer', () => {
  if (!chromium.found) {
    it.skip(`needs Chromium: ${chromium.problem}`, () => undefined);
    return;
  }
  const renderer = new PdfRenderer(config({ PDF_MAX_RENDERS: '1' }));
  afterAll(() => renderer.onModuleDestroy());

  it('renders a document to a PDF', async () => {
    const pdf = await renderer.render(page('hello'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('leaves the process signals to the API: a launched Chromium adds no handler that would exit before its shutdown', async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const count = () => signals.map((s) => process.listenerCount(s));
    const own = new PdfRenderer(config());
    const before = count();
    try {
      await own.render(page('signals'));
      expect(count()).toEqual(before);
    } finally {
      await own.onModuleDestroy();
    }
  });

  it('queues renders beyond the limit and finishes them all', async () => {
    const pdfs = await Promise.all([1, 2, 3].map((i) => renderer.render(page(`page ${i}`))));
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  // The Docker image preloads jemalloc into the API (common/process/allocator.ts); CI installs Debian's libjemalloc2.
  const jemalloc = findJemalloc();
  (jemalloc ? it : it.skip)('renders with jemalloc preloaded into the API, as in the Docker image', async () => {
    const saved = { LD_PRELOAD: process.env.LD_PRELOAD, MALLOC_CONF: process.env.MALLOC_CONF };
    Object.assign(process.env, { LD_PRELOAD: jemalloc, MALLOC_CONF: JEMALLOC_CONF });
    const preloaded = new PdfRenderer(config());
    try {
      const pdf = await preloaded.render(page('preloaded'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await preloaded.onModuleDestroy();
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  it('answers 503 with how to install Chromium when CHROMIUM_PATH names no executable', async () => {
    const broken = new PdfRenderer(config({ CHROMIUM_PATH: '/nonexistent/chromium' }));
    const err = await broken.render(page('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).status).toBe(503);
    expect((err as DomainError).message).toContain('apt-get install chromium');
  });
});
