// Between the image's own coordinates (0–1 on each axis) and pixels on the viewer, given where the image is drawn.
import type { Point } from '@firstline/contracts';
import type { ImageFrame } from './viewer-engine-types';

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
