// What a document viewer engine is: the interface the canvas engine (dzi-engine) and the test stub both implement.
import type { Point } from '@firstline/contracts';

/** One light of one side: a DeepZoom image, stacked with the side's other lights. */
export interface ViewerLayer {
  id: string;
  dzi: string;
  /** A small whole-image variant drawn until the tiles arrive (the preview the viewer already shows). */
  preview?: string;
}

/** Where the image is drawn, in pixels from the viewer element's top-left corner. */
export interface ImageFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ViewerEngine {
  /** Shows one layer and hides the others; zoom and position stay as they are. */
  showLayer(id: string): void;
  zoomBy(factor: number): void;
  home(): void;
  /** Zooms to the bounding box of a polygon (normalised image coordinates). */
  fitRegion(polygon: readonly Point[]): void;
  /** The image point at the centre of the view (for placing a marker by keyboard), or null if off the image. */
  centerPoint(): Point | null;
  /** Called with the image's frame on every viewport change (and once at once). */
  onFrame(listener: (frame: ImageFrame) => void): () => void;
  /** A click (not a drag) on the image, in normalised coordinates. */
  onImageClick(listener: (point: Point) => void): () => void;
  destroy(): void;
}

export type CreateViewerEngine = (
  element: HTMLElement,
  layers: ViewerLayer[],
  visible: string,
) => Promise<ViewerEngine>;
