// DeepZoom (DZI) geometry: the descriptor, the pyramid's levels, which tiles cover a view, where a tile sits, and
// the view's limits. Pure functions, so the viewer's arithmetic is tested without a browser.
// Format: https://learn.microsoft.com/en-us/previous-versions/windows/silverlight/dotnet-windows-silverlight/cc645077(v=vs.95)
// (level L is the image scaled by 2^(L − maxLevel), maxLevel = ⌈log2 max(width, height)⌉; tiles carry `overlap`
// extra pixels on each inner edge).

export interface Dzi {
  width: number;
  height: number;
  tileSize: number;
  overlap: number;
  format: string;
  maxLevel: number;
  /** URL prefix of the tiles: `<prefix><level>/<col>_<row>.<format>`. */
  tilesBase: string;
  /** Query string kept from the descriptor's URL ('' or '?…'). */
  query: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Viewport: `scale` CSS pixels per full-resolution image pixel, centred on image point (cx, cy). */
export interface View {
  scale: number;
  cx: number;
  cy: number;
}

const attr = (xml: string, name: string): string | null =>
  new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(xml)?.[1] ?? null;

export function parseDzi(xml: string, url: string): Dzi {
  const image = /<Image\b[^>]*>/.exec(xml)?.[0];
  const size = /<Size\b[^>]*>/.exec(xml)?.[0];
  if (!image || !size) throw new Error('Not a DeepZoom descriptor');
  const width = Number(attr(size, 'Width'));
  const height = Number(attr(size, 'Height'));
  const tileSize = Number(attr(image, 'TileSize'));
  const overlap = Number(attr(image, 'Overlap') ?? 0);
  const format = attr(image, 'Format') ?? 'jpg';
  if (
    ![width, height, tileSize].every((n) => Number.isInteger(n) && n > 0) ||
    !Number.isInteger(overlap) ||
    overlap < 0 ||
    !/^[a-z0-9]+$/i.test(format)
  ) {
    throw new Error('Invalid DeepZoom descriptor');
  }
  const [path, query = ''] = url.split(/(?=\?)/);
  return {
    width,
    height,
    tileSize,
    overlap,
    format,
    maxLevel: Math.ceil(Math.log2(Math.max(width, height))),
    tilesBase: `${path.replace(/\.(dzi|xml)$/i, '')}_files/`,
    query,
  };
}

export function tileUrl(dzi: Dzi, level: number, col: number, row: number): string {
  return `${dzi.tilesBase}${level}/${col}_${row}.${dzi.format}${dzi.query}`;
}

/** Size of the image at a level, in that level's pixels. */
export function levelSize(dzi: Dzi, level: number): { width: number; height: number } {
  const f = 2 ** (dzi.maxLevel - level);
  return { width: Math.max(1, Math.ceil(dzi.width / f)), height: Math.max(1, Math.ceil(dzi.height / f)) };
}

/** The coarsest level worth drawing: the whole image in one tile. */
export function baseLevel(dzi: Dzi): number {
  for (let level = 0; level <= dzi.maxLevel; level++) {
    const { width, height } = levelSize(dzi, level);
    if (width > dzi.tileSize || height > dzi.tileSize) return Math.max(0, level - 1);
  }
  return dzi.maxLevel;
}

/**
 * The level whose pixels are at least as fine as the screen's (device pixels per image pixel), so the view is
 * never drawn blurrier than it could be; a level a mere 15 % short still counts, to spare a quadrupled download.
 */
export function levelFor(dzi: Dzi, devicePixelsPerImagePixel: number): number {
  const wanted = dzi.maxLevel + Math.log2(devicePixelsPerImagePixel);
  return Math.min(dzi.maxLevel, Math.max(baseLevel(dzi), Math.ceil(wanted - Math.log2(1.15))));
}

/** A tile's area in full-resolution image pixels (overlap included, as the tile image is). */
export function tileRect(dzi: Dzi, level: number, col: number, row: number): Rect {
  const { width, height } = levelSize(dzi, level);
  const { tileSize: ts, overlap: o } = dzi;
  const x = col * ts - (col > 0 ? o : 0);
  const y = row * ts - (row > 0 ? o : 0);
  const w = Math.min(ts + (col > 0 ? o : 0) + o, width - x);
  const h = Math.min(ts + (row > 0 ? o : 0) + o, height - y);
  const f = 2 ** (dzi.maxLevel - level);
  return { x: x * f, y: y * f, width: w * f, height: h * f };
}

/** The tiles of a level that cover `area` (full-resolution image pixels), nearest the area's centre first. */
export function tilesCovering(dzi: Dzi, level: number, area: Rect): Array<[number, number]> {
  const f = 2 ** (dzi.maxLevel - level);
  const { width, height } = levelSize(dzi, level);
  const span = dzi.tileSize * f;
  const cols = Math.ceil(width / dzi.tileSize);
  const rows = Math.ceil(height / dzi.tileSize);
  const c0 = Math.max(0, Math.floor(area.x / span));
  const r0 = Math.max(0, Math.floor(area.y / span));
  const c1 = Math.min(cols - 1, Math.floor((area.x + area.width) / span));
  const r1 = Math.min(rows - 1, Math.floor((area.y + area.height) / span));
  const tiles: Array<[number, number]> = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) tiles.push([c, r]);
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  const d = ([c, r]: [number, number]) => ((c + 0.5) * span - cx) ** 2 + ((r + 0.5) * span - cy) ** 2;
  return tiles.sort((a, b) => d(a) - d(b));
}

/** The part of the image in view (full-resolution image pixels) for a viewer of `width` × `height` CSS pixels. */
export function visibleArea(
  dzi: Pick<Dzi, 'width' | 'height'>,
  view: View,
  width: number,
  height: number,
): Rect | null {
  const x0 = Math.max(0, view.cx - width / 2 / view.scale);
  const y0 = Math.max(0, view.cy - height / 2 / view.scale);
  const x1 = Math.min(dzi.width, view.cx + width / 2 / view.scale);
  const y1 = Math.min(dzi.height, view.cy + height / 2 / view.scale);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** Where the whole image is drawn, in CSS pixels from the viewer's top-left corner. */
export function imageFrame(dzi: Pick<Dzi, 'width' | 'height'>, view: View, width: number, height: number): Rect {
  return {
    x: width / 2 - view.cx * view.scale,
    y: height / 2 - view.cy * view.scale,
    width: dzi.width * view.scale,
    height: dzi.height * view.scale,
  };
}

export interface Limits {
  /** The whole image fits the viewer. */
  home: number;
  min: number;
  max: number;
}

/** Zoom limits: from 80 % of the fitted image to 4 screen pixels per image pixel (or the fit, if larger). */
export function limitsFor(dzi: Pick<Dzi, 'width' | 'height'>, width: number, height: number): Limits {
  const home = Math.min(width / dzi.width, height / dzi.height);
  return { home, min: home * 0.8, max: Math.max(home, 4) };
}

/** Keeps the zoom within limits and at least half of the image (or of the viewer) in view. */
export function constrain(dzi: Pick<Dzi, 'width' | 'height'>, view: View, width: number, height: number): View {
  const { min, max } = limitsFor(dzi, width, height);
  const scale = Math.min(max, Math.max(min, view.scale));
  const clampAxis = (c: number, size: number, viewSize: number) => {
    const drawn = size * scale;
    const margin = 0.5 * Math.min(drawn, viewSize);
    // frame start x = viewSize/2 − c·scale must lie in [margin − drawn, viewSize − margin]
    const lo = (viewSize / 2 - (viewSize - margin)) / scale;
    const hi = (viewSize / 2 - (margin - drawn)) / scale;
    return Math.min(hi, Math.max(lo, c));
  };
  return { scale, cx: clampAxis(view.cx, dzi.width, width), cy: clampAxis(view.cy, dzi.height, height) };
}

/** The view after zooming by `factor` about a point of the viewer (CSS pixels): that image point stays put. */
export function zoomAbout(view: View, factor: number, px: number, py: number, width: number, height: number): View {
  const scale = view.scale * factor;
  const ix = view.cx + (px - width / 2) / view.scale;
  const iy = view.cy + (py - height / 2) / view.scale;
  return { scale, cx: ix - (px - width / 2) / scale, cy: iy - (py - height / 2) / scale };
}

/** The view that shows `area` (image pixels) with a margin, as large as the viewer allows. */
export function fitView(area: Rect, width: number, height: number): View {
  return {
    scale: Math.min(width / area.width, height / area.height),
    cx: area.x + area.width / 2,
    cy: area.y + area.height / 2,
  };
}
