// A stand-in for the canvas (DeepZoom) engine in jsdom: the image fills a fixed 1000 × 700 frame, and a test "clicks"
// the document with normalised image coordinates.
import type { Point } from '@firstline/contracts';
import { act } from '@testing-library/react';
import type {
  CreateViewerEngine,
  ImageFrame,
  ViewerEngine,
  ViewerLayer,
} from '@/components/viewer/viewer-engine-types';

export class StubViewerEngine implements ViewerEngine {
  readonly frame: ImageFrame = { x: 0, y: 0, width: 1000, height: 700 };
  zoom = 1;
  center: Point = [0.5, 0.5];
  fitted: readonly Point[] | null = null;
  destroyed = false;
  private clicks = new Set<(p: Point) => void>();
  constructor(
    readonly layers: ViewerLayer[],
    public visible: string,
  ) {}
  showLayer(id: string) {
    this.visible = id;
  }
  zoomBy(factor: number) {
    this.zoom *= factor;
  }
  home() {
    this.zoom = 1;
  }
  fitRegion(polygon: readonly Point[]) {
    this.fitted = polygon;
  }
  centerPoint() {
    return this.center;
  }
  onFrame(listener: (f: ImageFrame) => void) {
    listener(this.frame);
    return () => undefined;
  }
  onImageClick(listener: (p: Point) => void) {
    this.clicks.add(listener);
    return () => {
      this.clicks.delete(listener);
    };
  }
  destroy() {
    this.destroyed = true;
  }
  /** A click on the document at a normalised image point. */
  click(point: Point) {
    act(() => this.clicks.forEach((l) => l(point)));
  }
}

export function stubViewer() {
  const engines: StubViewerEngine[] = [];
  const create: CreateViewerEngine = async (_element, layers, visible) => {
    const engine = new StubViewerEngine(layers, visible);
    engines.push(engine);
    return engine;
  };
  return {
    create,
    engines,
    /** The engine on screen now. */
    get current(): StubViewerEngine {
      const live = engines.filter((e) => !e.destroyed);
      if (!live.length) throw new Error('no viewer on screen');
      return live[live.length - 1];
    },
  };
}
