// OpenSeadragon behind ViewerEngine. All lights of a side are stacked as tiled images in one world and switched
// by opacity, so the zoom and position survive a light switch.
import type { Point } from '@firstline/contracts';
import OpenSeadragon from 'openseadragon';
import { boundingBox, type ImageFrame, type ViewerEngine, type ViewerLayer } from './viewer-engine';

export function createOsdEngine(element: HTMLElement, layers: ViewerLayer[], visible: string): Promise<ViewerEngine> {
  // Which tiled image shows which layer (a light whose tiles fail to open is simply missing).
  const items = new Map<string, OpenSeadragon.TiledImage>();
  const viewer = OpenSeadragon({
    element,
    // One tiled image per light, only the visible one opaque (OSD accepts these option objects; its type
    // definitions only list the plain forms).
    tileSources: layers.map((layer) => ({
      tileSource: layer.dzi,
      opacity: layer.id === visible ? 1 : 0,
      success: (e: { item: OpenSeadragon.TiledImage }) => items.set(layer.id, e.item),
    })) as unknown as OpenSeadragon.Options['tileSources'],
    showNavigationControl: false,
    // Our own shortcuts (A, R, +, −, 1–5) are handled by the player; OSD keeps arrows for panning.
    keyboardNavEnabled: true,
    gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true, scrollToZoom: true },
    gestureSettingsTouch: { clickToZoom: false },
    animationTime: 0.3,
    maxZoomPixelRatio: 4,
    visibilityRatio: 0.5,
    minZoomImageRatio: 0.8,
    imageSmoothingEnabled: true,
  });

  const frameListeners = new Set<(f: ImageFrame) => void>();
  const clickListeners = new Set<(p: Point) => void>();

  const bounds = () => viewer.world.getItemAt(0)?.getBounds(true) ?? null;

  const frame = (): ImageFrame | null => {
    const b = bounds();
    if (!b) return null;
    const tl = viewer.viewport.viewportToViewerElementCoordinates(b.getTopLeft());
    const br = viewer.viewport.viewportToViewerElementCoordinates(b.getBottomRight());
    return { x: tl.x, y: tl.y, width: br.x - tl.x, height: br.y - tl.y };
  };
  const emitFrame = () => {
    const f = frame();
    if (f) frameListeners.forEach((l) => l(f));
  };
  const toImage = (vp: OpenSeadragon.Point): Point | null => {
    const b = bounds();
    if (!b) return null;
    const u = (vp.x - b.x) / b.width;
    const v = (vp.y - b.y) / b.height;
    return u >= 0 && u <= 1 && v >= 0 && v <= 1 ? [u, v] : null;
  };

  viewer.addHandler('update-viewport', emitFrame);
  viewer.addHandler('resize', emitFrame);
  viewer.addHandler('canvas-click', (e) => {
    if (!e.quick) return;
    const p = toImage(viewer.viewport.pointFromPixel(e.position, true));
    if (p) clickListeners.forEach((l) => l(p));
  });

  const engine: ViewerEngine = {
    showLayer(id) {
      items.forEach((item, layerId) => item.setOpacity(layerId === id ? 1 : 0));
    },
    zoomBy(factor) {
      viewer.viewport.zoomBy(factor);
      viewer.viewport.applyConstraints();
    },
    home() {
      viewer.viewport.goHome();
    },
    fitRegion(polygon) {
      const b = bounds();
      if (!b || polygon.length === 0) return;
      const [x0, y0, x1, y1] = boundingBox(polygon);
      const pad = 0.04;
      const rect = new OpenSeadragon.Rect(
        b.x + (x0 - pad) * b.width,
        b.y + (y0 - pad) * b.height,
        (x1 - x0 + 2 * pad) * b.width,
        (y1 - y0 + 2 * pad) * b.height,
      );
      viewer.viewport.fitBoundsWithConstraints(rect);
    },
    centerPoint() {
      return toImage(viewer.viewport.getCenter(true));
    },
    onFrame(listener) {
      frameListeners.add(listener);
      const f = frame();
      if (f) listener(f);
      return () => frameListeners.delete(listener);
    },
    onImageClick(listener) {
      clickListeners.add(listener);
      return () => clickListeners.delete(listener);
    },
    destroy() {
      frameListeners.clear();
      clickListeners.clear();
      viewer.destroy();
    },
  };

  return new Promise((resolve, reject) => {
    viewer.addOnceHandler('open', () => {
      resolve(engine);
      emitFrame();
    });
    viewer.addOnceHandler('open-failed', (e) => reject(new Error(String(e.message ?? 'The document image could not be opened'))));
  });
}
