// The document viewer's engine: DeepZoom tiles drawn on one canvas, ~5 KB instead of a general-purpose viewer's
// ~90 KB (the trainee's whole JavaScript budget is 200 KB on an airport line). All lights of a side share the
// view; a light switch changes which layer's tiles are drawn, so zoom and position stay. Until a layer's tiles
// arrive, its coarser levels — at the bottom its 640 px preview, already in the browser's cache — fill in, never
// another light's pixels.
import type { Point } from '@firstline/contracts';
import {
  baseLevel,
  constrain,
  fitView,
  imageFrame,
  levelFor,
  limitsFor,
  parseDzi,
  tileRect,
  tilesCovering,
  tileUrl,
  visibleArea,
  zoomAbout,
  type Dzi,
  type View,
} from './dzi';
import { boundingBox } from './image-frame';
import type { ImageFrame, ViewerEngine, ViewerLayer } from './viewer-engine-types';

/** Tiles in flight at once: below the browser's six connections per host, so an answer is never stuck behind images. */
const MAX_LOADS = 4;
const MAX_TILES = 600;
const CLICK_SLOP = 5;
const CLICK_MS = 500;
const ANIMATION_MS = 250;
const KEY_PAN = 0.1;
/** A tile that failed (the line dropped) is asked for again after this long, while it is still in view. */
const RETRY_MS = 4000;
const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

interface Tile {
  img: HTMLImageElement;
  state: 'loading' | 'ready' | 'failed';
  used: number;
  settledAt: number;
  done: Promise<void>;
}

interface Layer {
  id: string;
  dzi: Dzi | null;
  preview?: string;
  /** Whole-image fallback: the preview if it loads, else the single-tile base level. */
  fallback: Tile | null;
  fallbackIsTile: boolean;
}

function loadImage(src: string, onDone: () => void): Tile {
  const img = new Image();
  let settle = () => undefined as void;
  const tile: Tile = { img, state: 'loading', used: 0, settledAt: 0, done: new Promise<void>((r) => (settle = r)) };
  img.decoding = 'async';
  const finish = (state: Tile['state']) => () => {
    tile.state = state;
    tile.settledAt = performance.now();
    settle();
    onDone();
  };
  img.onload = finish('ready');
  img.onerror = finish('failed');
  img.src = src;
  return tile;
}

async function fetchDzi(url: string): Promise<Dzi> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The document image could not be opened (HTTP ${res.status})`);
  return parseDzi(await res.text(), url);
}

export async function createDziEngine(
  element: HTMLElement,
  layerSpecs: ViewerLayer[],
  visible: string,
): Promise<ViewerEngine> {
  const layers = new Map<string, Layer>(
    layerSpecs.map((l) => [l.id, { id: l.id, dzi: null, preview: l.preview, fallback: null, fallbackIsTile: false }]),
  );
  let current = layers.has(visible) ? visible : layerSpecs[0]?.id;
  if (!current) throw new Error('No image to show');

  // Descriptors are asked for when a light is first needed, not all at once.
  const specs = new Map(layerSpecs.map((l) => [l.id, l.dzi]));
  const descriptors = new Map<string, Promise<Dzi>>();
  const descriptor = (id: string): Promise<Dzi> => {
    let pending = descriptors.get(id);
    if (!pending) {
      pending = fetchDzi(specs.get(id)!).then((dzi) => (layers.get(id)!.dzi = dzi));
      descriptors.set(id, pending);
    }
    return pending;
  };
  const first = await descriptor(current);

  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;
  canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;cursor:grab';
  element.replaceChildren(canvas);
  const ctx = canvas.getContext('2d')!;

  // Geometry of the open side (every light of a side has the same dimensions).
  const geometry = { width: first.width, height: first.height };
  let size = { width: element.clientWidth || 1, height: element.clientHeight || 1 };
  let view: View = {
    scale: limitsFor(geometry, size.width, size.height).home,
    cx: geometry.width / 2,
    cy: geometry.height / 2,
  };

  const tiles = new Map<string, Tile>();
  const queue: Array<{ key: string; url: string }> = [];
  let loading = 0;
  let frameNo = 0;
  let raf = 0;
  let destroyed = false;
  let animation: { from: View; to: View; start: number } | null = null;
  let lastFrame: ImageFrame | null = null;
  let prefetched = false;
  const frameListeners = new Set<(f: ImageFrame) => void>();
  const clickListeners = new Set<(p: Point) => void>();

  const schedule = () => {
    if (!raf && !destroyed) raf = requestAnimationFrame(draw);
  };
  const pump = () => {
    while (loading < MAX_LOADS && queue.length) {
      const { key, url } = queue.shift()!;
      if (tiles.has(key)) continue;
      loading++;
      tiles.set(
        key,
        loadImage(url, () => {
          loading--;
          if (tiles.get(key)?.state === 'failed') setTimeout(schedule, RETRY_MS + 100);
          schedule();
          pump();
        }),
      );
    }
  };
  const ensureFallback = (layer: Layer) => {
    if (!layer.fallback && layer.preview) layer.fallback = loadImage(layer.preview, schedule);
    else if (layer.dzi && !layer.fallbackIsTile && (!layer.fallback || layer.fallback.state === 'failed')) {
      layer.fallback = loadImage(tileUrl(layer.dzi, baseLevel(layer.dzi), 0, 0), schedule);
      layer.fallbackIsTile = true;
    }
  };

  const currentFrame = (): ImageFrame => imageFrame(geometry, view, size.width, size.height);

  function draw(now: number) {
    raf = 0;
    if (destroyed) return;
    if (animation) {
      const t = Math.min(1, (now - animation.start) / ANIMATION_MS);
      const e = t * (2 - t);
      const { from, to } = animation;
      const scale = from.scale * (to.scale / from.scale) ** e;
      view = { scale, cx: from.cx + (to.cx - from.cx) * e, cy: from.cy + (to.cy - from.cy) * e };
      if (t >= 1) animation = null;
      else schedule();
    }
    frameNo++;
    const dpr = window.devicePixelRatio || 1;
    const pxW = Math.round(size.width * dpr);
    const pxH = Math.round(size.height * dpr);
    if (canvas.width !== pxW || canvas.height !== pxH) {
      canvas.width = pxW;
      canvas.height = pxH;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';

    const frame = currentFrame();
    const layer = layers.get(current!)!;
    ensureFallback(layer);
    if (layer.fallback?.state === 'ready')
      ctx.drawImage(layer.fallback.img, frame.x, frame.y, frame.width, frame.height);
    const dzi = layer.dzi;
    const area = dzi && visibleArea(geometry, view, size.width, size.height);
    if (dzi && area) {
      const target = levelFor(dzi, view.scale * dpr);
      const from = Math.max(baseLevel(dzi) + 1, target - 3);
      queue.length = 0;
      for (let level = from; level <= target; level++) {
        for (const [col, row] of tilesCovering(dzi, level, area)) {
          const key = `${layer.id}/${level}/${col}_${row}`;
          const tile = tiles.get(key);
          if (tile?.state === 'ready') {
            tile.used = frameNo;
            const r = tileRect(dzi, level, col, row);
            // Half a pixel of bleed hides hairline seams between neighbouring tiles at fractional scales.
            ctx.drawImage(
              tile.img,
              frame.x + r.x * view.scale - 0.25,
              frame.y + r.y * view.scale - 0.25,
              r.width * view.scale + 0.5,
              r.height * view.scale + 0.5,
            );
          } else if (level === target && (!tile || (tile.state === 'failed' && now - tile.settledAt > RETRY_MS))) {
            tiles.delete(key);
            queue.push({ key, url: tileUrl(dzi, level, col, row) });
          }
        }
      }
      pump();
      if (!queue.length && !loading) void prefetchOtherLights();
      evict();
    }
    if (!lastFrame || (['x', 'y', 'width', 'height'] as const).some((k) => frame[k] !== lastFrame![k])) {
      lastFrame = frame;
      frameListeners.forEach((l) => l(frame));
    }
  }

  // Once the view is complete, the other lights' whole-image fallbacks, one at a time (a weak line is shared with
  // the answers), so a light switch shows its light at once.
  async function prefetchOtherLights() {
    if (prefetched) return;
    prefetched = true;
    for (const layer of layers.values()) {
      if (destroyed) return;
      if (layer.id === current || layer.fallback) continue;
      if (!layer.preview) await descriptor(layer.id).catch(() => undefined);
      ensureFallback(layer);
      await (layer.fallback as Tile | null)?.done;
    }
  }

  function evict() {
    if (tiles.size <= MAX_TILES) return;
    const old = [...tiles]
      .filter(([, t]) => t.state !== 'loading' && t.used < frameNo)
      .sort((a, b) => a[1].used - b[1].used);
    for (const [key] of old.slice(0, tiles.size - MAX_TILES + 100)) tiles.delete(key);
  }

  const setView = (next: View, animate = false) => {
    const to = constrain(geometry, next, size.width, size.height);
    if (animate && !reducedMotion) animation = { from: view, to, start: performance.now() };
    else {
      animation = null;
      view = to;
    }
    schedule();
  };

  const resize = new ResizeObserver(() => {
    const next = { width: element.clientWidth || 1, height: element.clientHeight || 1 };
    if (next.width === size.width && next.height === size.height) return;
    const ratio = limitsFor(geometry, next.width, next.height).home / limitsFor(geometry, size.width, size.height).home;
    size = next;
    setView({ ...view, scale: view.scale * ratio });
  });
  resize.observe(element);

  // Pointer: drag pans, two fingers pinch, a short still press is a click on the image.
  const pointers = new Map<number, { x: number; y: number }>();
  let press: { x: number; y: number; t: number; moved: boolean } | null = null;
  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch {
      // a pointer the browser no longer tracks (seen with synthesised touches): the drag works without capture
    }
    const p = local(e);
    pointers.set(e.pointerId, p);
    press = pointers.size === 1 ? { ...p, t: performance.now(), moved: false } : null;
    canvas.style.cursor = 'grabbing';
  };
  const onMove = (e: PointerEvent) => {
    const prev = pointers.get(e.pointerId);
    if (!prev) return;
    const p = local(e);
    if (pointers.size === 1) {
      if (press && Math.hypot(p.x - press.x, p.y - press.y) > CLICK_SLOP) press.moved = true;
      if (!press || press.moved)
        setView({ ...view, cx: view.cx - (p.x - prev.x) / view.scale, cy: view.cy - (p.y - prev.y) / view.scale });
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.entries()].map(([id, q]) => (id === e.pointerId ? p : q));
      const [a0, b0] = [...pointers.values()];
      const factor = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, Math.hypot(a0.x - b0.x, a0.y - b0.y));
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const mid0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
      const zoomed = zoomAbout(view, factor, mid.x, mid.y, size.width, size.height);
      setView({
        ...zoomed,
        cx: zoomed.cx - (mid.x - mid0.x) / zoomed.scale,
        cy: zoomed.cy - (mid.y - mid0.y) / zoomed.scale,
      });
    }
    pointers.set(e.pointerId, p);
  };
  const onUp = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (
      press &&
      !press.moved &&
      pointers.size === 0 &&
      e.type === 'pointerup' &&
      performance.now() - press.t < CLICK_MS
    ) {
      const point = toImage(local(e));
      if (point) clickListeners.forEach((l) => l(point));
    }
    if (pointers.size === 0) {
      press = null;
      canvas.style.cursor = 'grab';
    }
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * size.height : e.deltaY;
    const p = local(e);
    setView(
      zoomAbout(view, Math.exp(-Math.max(-100, Math.min(100, delta)) * 0.0018), p.x, p.y, size.width, size.height),
    );
  };
  const onDblClick = (e: MouseEvent) => {
    const p = local(e);
    setView(zoomAbout(view, e.shiftKey ? 0.5 : 2, p.x, p.y, size.width, size.height), true);
  };
  const onTouchEnd = (e: TouchEvent) => {
    if (e.cancelable) e.preventDefault();
  };
  const onKey = (e: KeyboardEvent) => {
    const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    setView(
      {
        ...view,
        cx: view.cx + (step[0] * KEY_PAN * size.width) / view.scale,
        cy: view.cy + (step[1] * KEY_PAN * size.height) / view.scale,
      },
      true,
    );
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  // The wheel zooms wherever the pointer is over the viewer, markers and overlays included.
  const wheelTarget = element.parentElement ?? canvas;
  wheelTarget.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('dblclick', onDblClick);
  // A tap is handled as a pointer click above; the browser's own click that follows a touch would land on the
  // marker the tap has just placed there, and remove it again.
  canvas.addEventListener('touchend', onTouchEnd, { passive: false });
  canvas.addEventListener('keydown', onKey);

  function toImage(p: { x: number; y: number }): Point | null {
    const u = (view.cx + (p.x - size.width / 2) / view.scale) / geometry.width;
    const v = (view.cy + (p.y - size.height / 2) / view.scale) / geometry.height;
    return u >= 0 && u <= 1 && v >= 0 && v <= 1 ? [u, v] : null;
  }

  // Open: wait for the visible light's whole-image fallback (the preview is usually in the cache already), so the
  // canvas replaces the preview without a blank moment.
  const opening = layers.get(current)!;
  ensureFallback(opening);
  await opening.fallback?.done;
  ensureFallback(opening); // the preview failed (an old browser without AVIF): the base tile instead
  await opening.fallback?.done;
  schedule();

  return {
    showLayer(id) {
      if (!layers.has(id) || id === current) return;
      current = id;
      const layer = layers.get(id)!;
      if (!layer.dzi) descriptor(id).then(schedule, () => undefined);
      ensureFallback(layer);
      schedule();
    },
    zoomBy(factor) {
      const target = animation?.to ?? view;
      setView({ ...target, scale: target.scale * factor }, true);
    },
    home() {
      setView(
        { scale: limitsFor(geometry, size.width, size.height).home, cx: geometry.width / 2, cy: geometry.height / 2 },
        true,
      );
    },
    fitRegion(polygon) {
      if (!polygon.length) return;
      const [x0, y0, x1, y1] = boundingBox(polygon);
      const pad = 0.04;
      setView(
        fitView(
          {
            x: (x0 - pad) * geometry.width,
            y: (y0 - pad) * geometry.height,
            width: (x1 - x0 + 2 * pad) * geometry.width,
            height: (y1 - y0 + 2 * pad) * geometry.height,
          },
          size.width,
          size.height,
        ),
        true,
      );
    },
    centerPoint() {
      return toImage({ x: size.width / 2, y: size.height / 2 });
    },
    onFrame(listener) {
      frameListeners.add(listener);
      listener(currentFrame());
      return () => frameListeners.delete(listener);
    },
    onImageClick(listener) {
      clickListeners.add(listener);
      return () => clickListeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(raf);
      resize.disconnect();
      wheelTarget.removeEventListener('wheel', onWheel);
      frameListeners.clear();
      clickListeners.clear();
      queue.length = 0;
      tiles.forEach((t) => t.state === 'loading' && t.img.removeAttribute('src'));
      tiles.clear();
      canvas.remove();
    },
  };
}
