// The document viewer's engine, behind a small interface: DeepZoom tiles on a canvas in the browser (dzi-engine),
// a stub in jsdom tests (which have no canvas).
import type { Point } from '@firstline/contracts';
import { createContext, useContext } from 'react';
import { createDziEngine } from './dzi-engine';

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

export type CreateViewerEngine = (element: HTMLElement, layers: ViewerLayer[], visible: string) => Promise<ViewerEngine>;

export const ViewerEngineContext = createContext<CreateViewerEngine>(createDziEngine);

export const useCreateViewerEngine = () => useContext(ViewerEngineContext);

export function frameToPixel(frame: ImageFrame, [u, v]: Point): { left: number; top: number } {
  return { left: frame.x + u * frame.width, top: frame.y + v * frame.height };
}

export function pixelToImagePoint(frame: ImageFrame, left: number, top: number): Point | null {
  if (frame.width <= 0 || frame.height <= 0) return null;
  const u = (left - frame.x) / frame.width;
  const v = (top - frame.y) / frame.height;
  return u >= 0 && u <= 1 && v >= 0 && v <= 1 ? [u, v] : null;
}

export function boundingBox(polygon: readonly Point[]): [number, number, number, number] {
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
