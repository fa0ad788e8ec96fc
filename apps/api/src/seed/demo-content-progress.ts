// How far the demo content is, for My training and the health check: which step runs (the practice modules first,
// then the rest of the library) and how much of it is done. Rendering, ingesting and processing a document's images
// weigh in proportion to the time they take on first start (about 1 : 2 : 4 on a 2-core machine).
import type { DemoContentStatus } from '@firstline/contracts';

type Step = NonNullable<DemoContentStatus['step']>;

const WEIGHT = { rendered: 1, ingested: 2, processed: 4 } as const;
const TOTAL_WEIGHT = WEIGHT.rendered + WEIGHT.ingested + WEIGHT.processed;

export class DemoContentProgress {
  state: DemoContentStatus['state'] = 'off';
  practiceReady = false;
  private step: Step = 'practice';
  private documents = 0;
  private rendered = 0;
  private ingested = 0;
  /** Images queued in this step, and how many of them the media pipeline has still to process. */
  private images = 0;
  private pending = 0;

  /** A step begins: `documents` documents are to be rendered, ingested and processed. */
  begin(step: Step, documents: number): void {
    this.state = 'preparing';
    this.step = step;
    this.documents = documents;
    this.rendered = this.ingested = this.images = this.pending = 0;
  }

  documentRendered(): void {
    this.rendered = Math.min(this.documents, this.rendered + 1);
  }

  documentIngested(images: number): void {
    this.ingested = Math.min(this.documents, this.ingested + 1);
    this.images += images;
    this.pending += images;
  }

  /** The media pipeline has `pending` assets left (of any origin: counted against this step's images only). */
  imagesPending(pending: number): void {
    this.pending = Math.min(this.images, pending);
  }

  status(): DemoContentStatus {
    const processed = this.images === 0 ? 0 : (this.images - this.pending) / this.images;
    const done =
      this.documents === 0
        ? 0
        : (WEIGHT.rendered * this.rendered +
            WEIGHT.ingested * this.ingested +
            WEIGHT.processed * processed * this.ingested) /
          (TOTAL_WEIGHT * this.documents);
    const preparing = this.state === 'preparing';
    return {
      state: this.state,
      step: preparing ? this.step : null,
      practiceReady: this.practiceReady,
      percent: preparing ? Math.min(99, Math.floor(done * 100)) : this.state === 'ready' ? 100 : 0,
      documents: preparing ? this.documents : 0,
    };
  }
}
