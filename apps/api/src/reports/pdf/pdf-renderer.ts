// HTML → PDF through headless Chromium (playwright-core; the one file that imports it). One browser process per API
// process, launched on the first PDF and closed with the module; each render gets its own context and page, a
// time limit, and a place in a queue that lets at most PDF_MAX_RENDERS run at once. Works as root (--no-sandbox):
// the page runs no script (CSP) and fetches nothing (every request is aborted), so the sandbox guards nothing here.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DomainError } from '../../common/errors/domain-error';
import { withoutJemalloc } from '../../common/process/allocator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { locateChromium } from './chromium-locator';

/** The flags the browser flows use (docs/testing.md), plus a /dev/shm that containers keep small. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Renders waiting for a free slot beyond this are refused (503 with Retry-After) instead of piling up. */
const QUEUE_LIMIT = 20;

const FOOTER =
  '<div style="width:100%;font-size:7px;color:#6b7685;text-align:center;font-family:sans-serif">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The PDF of a complete HTML document whose @page rule sets size and margins. */
  async render(documentHtml: string): Promise<Buffer> {
    const location = locateChromium(this.config.CHROMIUM_PATH);
    if (!location.found) throw new DomainError('unavailable', location.problem);
    await this.takeSlot();
    const started = Date.now();
    let context: BrowserContext | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const browser = await this.launch(location.path);
      context = await browser.newContext({ javaScriptEnabled: true, offline: true });
      const open = context;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          void open.close().catch(() => undefined);
          reject(
            new DomainError(
              'unavailable',
              `The PDF took longer than ${Math.round(this.config.PDF_RENDER_TIMEOUT_MS / 1000)} s to render; try again`,
              undefined,
              { 'Retry-After': '10' },
            ),
          );
        }, this.config.PDF_RENDER_TIMEOUT_MS);
      });
      const pdf = await Promise.race([this.print(open, documentHtml), timedOut]);
      this.logger.debug(`PDF rendered in ${Date.now() - started} ms (${pdf.length} bytes)`);
      return pdf;
    } finally {
      clearTimeout(timer);
      await context?.close().catch(() => undefined);
      this.releaseSlot();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  private async print(context: BrowserContext, documentHtml: string): Promise<Buffer> {
    // Nothing leaves the page: fonts are data: URLs, and anything else is refused.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(documentHtml, { waitUntil: 'load' });
    // The embedded fonts must be decoded before printing, or Urdu names fall back to boxes.
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
    });
  }

  private launch(executablePath: string): Promise<Browser> {
    if (!this.browser) {
      this.logger.log(`starting Chromium for PDF export (${executablePath})`);
      const launching: Promise<Browser> = chromium
        .launch({
          executablePath,
          headless: true,
          chromiumSandbox: false,
          args: CHROMIUM_ARGS,
          // The Docker image preloads jemalloc into every process; Chromium brings its own allocator.
          env: withoutJemalloc(process.env),
          timeout: this.config.PDF_RENDER_TIMEOUT_MS,
          // The API owns its signals: Playwright's own SIGINT handler closes its browsers and then exits the process
          // (130) before the API's shutdown has stopped the embedded PostgreSQL. The module's close shuts Chromium.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        })
        .then((browser) => {
          // A crashed browser is launched again on the next render.
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          });
          return browser;
        })
        .catch((err: Error) => {
          if (this.browser === launching) this.browser = null;
          throw new DomainError(
            'unavailable',
            `PDF export needs Chromium, and ${executablePath} could not be started (${err.message.split('\n')[0]}). Install it (on Debian or Ubuntu: apt-get install chromium), or set CHROMIUM_PATH to a working Chromium or Chrome executable.`,
          );
        });
      this.browser = launching;
    }
    return this.browser;
  }

  private async takeSlot(): Promise<void> {
    if (this.active < this.config.PDF_MAX_RENDERS) {
      this.active++;
      return;
    }
    if (this.waiting.length >= QUEUE_LIMIT) {
      throw new DomainError('unavailable', 'Too many PDFs are being made right now; try again in a moment', undefined, {
        'Retry-After': '5',
      });
    }
    // The slot is handed over by releaseSlot: `active` stays as it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
