// A scene is one document side laid out in millimetres: drawing items per layer, feature annotations, the boxes
// of every field, and the OVD. Layouts build scenes; the renderer rasterises them at any dpi.
import { categoryOfFeature, type DocumentSide, type FeatureKind, type Light } from '@firstline/contracts';
import { Math } from './hot-globals';
import type { FontName } from './render/font';
import {
  drawText,
  drawTextAlongPath,
  fillDisc,
  fillPolygons,
  measureText,
  strokePolyline,
  type Mask,
  type TextStyle,
} from './render/raster';
import type { VizFieldKey } from './states';

export type LayerId =
  | 'wmThin'
  | 'wmThick'
  | 'fibres0'
  | 'fibres1'
  | 'fibres2'
  | 'bg'
  | 'rosette'
  | 'emblem'
  | 'design'
  | 'microprint'
  | 'accent'
  | 'number'
  | 'irMark'
  | 'backPrint'
  | 'uvViz'
  | 'uvDesign'
  | 'uv254'
  | 'ghost'
  | 'photoPaper'
  | 'portrait'
  | 'photoC'
  | 'photoM'
  | 'photoY'
  | 'carbon'
  | 'inkjet'
  | 'forgerInk'
  | 'forgerCarbon'
  | 'signature'
  | 'erasure'
  | 'perforation'
  | 'stamp0'
  | 'stamp1'
  | 'stamp2'
  | 'stamp3'
  | 'stamp4'
  | 'stampForged'
  | 'cutEdge'
  | 'matte'
  | 'tactile';

/** Order in which layers are composed (bottom first). */
export const LAYER_ORDER: LayerId[] = [
  'wmThin',
  'wmThick',
  'fibres0',
  'fibres1',
  'fibres2',
  'bg',
  'rosette',
  'emblem',
  'uvDesign',
  'design',
  'microprint',
  'accent',
  'irMark',
  'backPrint',
  'uvViz',
  'uv254',
  'ghost',
  'portrait',
  'photoPaper',
  'photoC',
  'photoM',
  'photoY',
  'number',
  'carbon',
  'inkjet',
  'erasure',
  'forgerInk',
  'forgerCarbon',
  'signature',
  'stamp0',
  'stamp1',
  'stamp2',
  'stamp3',
  'stamp4',
  'stampForged',
  'perforation',
  'cutEdge',
  'matte',
  'tactile',
];

export interface RectMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DrawContext {
  mask: Mask;
  /** Pixels per millimetre. */
  s: number;
}

export interface DrawItem {
  layer: LayerId;
  draw: (ctx: DrawContext) => void | Promise<void>;
  /**
   * Set for drawing that depends only on the design and layout, never on the holder or a forgery: a run of such
   * items at the start of a layer is rasterised once per design and resolution and then copied.
   */
  cacheKey?: string;
}

/** Layers whose drawing calls are design-level by default (their cache key is derived from the arguments). */
const DESIGN_LAYERS = new Set<LayerId>([
  'bg',
  'rosette',
  'emblem',
  'uvDesign',
  'design',
  'microprint',
  'accent',
  'irMark',
  'backPrint',
  'uv254',
  'wmThin',
  'wmThick',
]);

/** A TextStyle with its lengths in mm, as a scene holds it; blending belongs to the layer, not the text. */
export type TextStyleMm = Omit<TextStyle, 'blend'>;

export interface FieldPlacement {
  key: VizFieldKey;
  label: string;
  labelLocal: string;
  value: string;
  labelBox: RectMm;
  valueBox: RectMm;
  /** Baseline origin of the value text and its style, so a forger can retype it. */
  valueAt: { x: number; y: number; style: TextStyleMm; layer: LayerId };
}

export interface SceneFeature {
  id: string;
  name: FeatureKind;
  label: string;
  lights: Light[];
  polygon: number[];
  description: string;
}

export interface OvdSpec {
  /** Patch outline, mm polygon. */
  outline: number[];
  box: RectMm;
  mode: 'genuine' | 'flat' | 'generic';
  /** Emblem polygons and code text that the kinegram animates. */
  emblem: number[][];
  code: string;
  /** Parts cut away (photo substitution), mm rectangle, and whether a printed imitation fills it. */
  cut?: { rect: RectMm; imitation: boolean };
}

export class Scene {
  readonly items: DrawItem[] = [];
  readonly features: SceneFeature[] = [];
  readonly fields: FieldPlacement[] = [];
  readonly zones: Record<string, RectMm> = {};
  ovd: OvdSpec | null = null;

  constructor(
    readonly side: DocumentSide,
    readonly widthMm: number,
    readonly heightMm: number,
  ) {}

  add(layer: LayerId, draw: DrawItem['draw'], cacheKey?: string): void {
    this.items.push(cacheKey ? { layer, draw, cacheKey } : { layer, draw });
  }

  /** Cache key for a design-level call (undefined on personal or forgery layers). */
  private key(layer: LayerId, ...args: unknown[]): string | undefined {
    return DESIGN_LAYERS.has(layer) ? JSON.stringify(args) : undefined;
  }

  stroke(layer: LayerId, pts: number[], widthMm: number, alpha = 1, closed = false): void {
    this.add(
      layer,
      ({ mask, s }) => strokePolyline(mask, scaled(pts, s), widthMm * s, alpha, closed),
      this.key(layer, 'stroke', pts, widthMm, alpha, closed),
    );
  }

  /** Stroke many polylines; pass a function to compute heavy geometry only when the side is rasterised. */
  strokes(
    layer: LayerId,
    lines: number[][] | ((pxPerMm: number) => number[][]),
    widthMm: number,
    alpha = 1,
    closed = false,
    cacheKey?: string,
  ): void {
    this.add(
      layer,
      ({ mask, s }) => {
        for (const l of typeof lines === 'function' ? lines(s) : lines)
          strokePolyline(mask, scaled(l, s), widthMm * s, alpha, closed);
      },
      typeof lines === 'function' ? cacheKey : this.key(layer, 'strokes', lines, widthMm, alpha, closed),
    );
  }

  fill(layer: LayerId, polys: number[][], alpha = 1): void {
    this.add(
      layer,
      ({ mask, s }) =>
        fillPolygons(
          mask,
          polys.map((p) => scaled(p, s)),
          alpha,
        ),
      this.key(layer, 'fill', polys, alpha),
    );
  }

  disc(layer: LayerId, x: number, y: number, r: number, alpha = 1): void {
    this.add(
      layer,
      ({ mask, s }) => fillDisc(mask, x * s, y * s, r * s, alpha),
      this.key(layer, 'disc', x, y, r, alpha),
    );
  }

  /** Text in mm; returns its box in mm (ascender to descender). */
  text(layer: LayerId, text: string, x: number, y: number, style: TextStyleMm): RectMm {
    this.add(
      layer,
      ({ mask, s }) => {
        drawText(mask, text, x * s, y * s, pxStyle(style, s));
      },
      this.key(layer, 'text', text, x, y, style),
    );
    return textBox(text, x, y, style);
  }

  microtext(layer: LayerId, text: string, path: number[], size: number, font: FontName = 'sans-bold', alpha = 1): void {
    this.add(
      layer,
      ({ mask, s }) => {
        drawTextAlongPath(
          mask,
          text,
          scaled(path, s),
          { font, size: size * s, spacing: size * 0.08 * s, alpha },
          { repeat: true },
        );
      },
      this.key(layer, 'microtext', text, path, size, font, alpha),
    );
  }

  feature(id: string, name: FeatureKind, label: string, lights: Light[], polygon: number[], description: string): void {
    categoryOfFeature(name); // throws for a name outside the taxonomy
    this.features.push({ id, name, label, lights, polygon, description });
  }
}

export function scaled(pts: ArrayLike<number>, s: number): number[] {
  const out = new Array<number>(pts.length);
  for (let i = 0; i < pts.length; i++) out[i] = pts[i] * s;
  return out;
}

export function pxStyle(style: TextStyleMm, s: number): TextStyle {
  return {
    font: style.font,
    size: style.size * s,
    spacing: (style.spacing ?? 0) * s,
    scaleX: style.scaleX,
    skew: style.skew,
    anchor: style.anchor,
    rotate: style.rotate,
    alpha: style.alpha,
    embolden: style.embolden ? style.embolden * s : undefined,
  };
}

export function textWidth(text: string, style: TextStyleMm): number {
  return measureText(text, { font: style.font, size: style.size, spacing: style.spacing, scaleX: style.scaleX });
}

/** Box of a text run (cap-height to a little below the baseline), mm. */
export function textBox(text: string, x: number, y: number, style: TextStyleMm): RectMm {
  const w = textWidth(text, style);
  const x0 = style.anchor === 'middle' ? x - w / 2 : style.anchor === 'end' ? x - w : x;
  const top = y - style.size * 0.8;
  return { x: x0, y: top, w, h: style.size * 1.05 };
}

export function rectPoly(r: RectMm): number[] {
  return [r.x, r.y, r.x + r.w, r.y, r.x + r.w, r.y + r.h, r.x, r.y + r.h];
}

/** Bounding box of a flat [x0, y0, x1, y1, ...] path. */
export function pathBounds(path: ArrayLike<number>): RectMm {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < path.length; i += 2) {
    x0 = Math.min(x0, path[i]);
    x1 = Math.max(x1, path[i]);
    y0 = Math.min(y0, path[i + 1]);
    y1 = Math.max(y1, path[i + 1]);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function grow(r: RectMm, d: number): RectMm {
  return { x: r.x - d, y: r.y - d, w: r.w + 2 * d, h: r.h + 2 * d };
}

export function union(a: RectMm, b: RectMm): RectMm {
  const x0 = Math.min(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const x1 = Math.max(a.x + a.w, b.x + b.w);
  const y1 = Math.max(a.y + a.h, b.y + b.h);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
