// Genuine specimens: a recipe drawn from a seed, described as a DocumentInstance (data, MRZ, features, image list),
// and rendered on demand to one PNG per side and light.
import { categoryOfFeature, type DocumentSide, type Light, type Polygon } from '@firstline/contracts';
import sharp from 'sharp';
import { printedMrz } from './data';
import { faceParams, livePose, lookAlikeParams } from './face';
import { documentNumber, makeDocumentData, makeHolder, REFERENCE_DATE, type DocumentFormat } from './identity';
import { buildScene, sidesOf } from './layout';
import { hashString, Rng } from './prng';
import { faceRgba } from './render/portrait';
import {
  ALL_LIGHTS,
  composeSide,
  composeSideIter,
  encodePng,
  sortImages,
  stripAncillaryChunks,
  OBLIQUE_FRAMES,
  pixelSize,
  PNG_OPTIONS,
  rasterizeSide,
  type RenderedImage,
} from './render/render';
import type { RectMm, Scene } from './scene';
import { stateDesign, TRAINING_DESIGNS } from './states';
import type {
  DocumentInstance,
  FeatureAnnotation,
  ImageRef,
  InstanceContext,
  Recipe,
  SideInfo,
  StampSpec,
  StolenBlankSeries,
  VizField,
} from './types';

export const DEFAULT_DPI = 600;

export interface GenuineOptions {
  /** Issuing state code: a training state (UTO, ARC, BRG). */
  state: string;
  type: DocumentFormat | 'td1' | 'td3';
  seed: number | string;
  dpi?: number;
  /** TD3 only: add a visa page with border stamps as a second side. */
  withVisaPage?: boolean;
}

/** Blank series reported stolen (the alert list an officer checks). Fixed, so every install shows the same. */
export const STOLEN_BLANK_SERIES: StolenBlankSeries[] = [
  { state: 'UTO', documentType: 'TD3', from: 'UX4100000', to: 'UX4149999', reportedOn: '2024-11-18' },
  { state: 'UTO', documentType: 'TD1', from: 'IU7730000', to: 'IU7739999', reportedOn: '2023-06-02' },
  { state: 'ARC', documentType: 'TD3', from: 'AR5520000', to: 'AR5529999', reportedOn: '2024-02-09' },
  { state: 'ARC', documentType: 'TD1', from: 'AK2210000', to: 'AK2219999', reportedOn: '2022-09-27' },
  { state: 'BRG', documentType: 'TD3', from: 'BG31K0000', to: 'BG31K4999', reportedOn: '2025-01-14' },
  { state: 'BRG', documentType: 'TD1', from: 'BK08Z0000', to: 'BK08Z9999', reportedOn: '2024-07-30' },
];

export function inStolenSeries(state: string, type: DocumentFormat, number: string): StolenBlankSeries | undefined {
  return STOLEN_BLANK_SERIES.find(
    (s) =>
      s.state === state &&
      s.documentType === type &&
      number.length === s.from.length &&
      number >= s.from &&
      number <= s.to,
  );
}

export function normaliseType(type: GenuineOptions['type']): DocumentFormat {
  const normalised = String(type).toUpperCase();
  if (normalised !== 'TD1' && normalised !== 'TD3')
    throw new Error(`unknown document type ${type}: expected TD1 or TD3`);
  return normalised;
}

export function baseContext(): InstanceContext {
  return {
    referenceDate: REFERENCE_DATE,
    stolenBlankSeries: STOLEN_BLANK_SERIES.map((s) => ({ ...s })),
    records: [
      {
        source: 'SLTD (stolen and lost travel documents)',
        result: 'no-hit',
        note: 'No record for this document number.',
      },
    ],
  };
}

/** The recipe of a genuine document. */
export function genuineRecipe(opts: GenuineOptions): Recipe {
  const format = normaliseType(opts.type);
  const design = TRAINING_DESIGNS[opts.state];
  if (!design)
    throw new Error(
      `unknown training state ${opts.state}: expected one of ${Object.keys(TRAINING_DESIGNS).join(', ')}`,
    );
  const dpi = opts.dpi ?? DEFAULT_DPI;
  if (!(dpi >= 50 && dpi <= 1200)) throw new Error(`dpi ${dpi} out of range 50–1200`);
  const seed = `${opts.state}:${format}:${opts.seed}`;
  const rng = new Rng(`recipe:${seed}`);
  const holder = makeHolder(rng.fork('holder'), design);
  const document = makeDocumentData(rng.fork('document'), design, format, holder);
  const numRng = rng.fork('number');
  // A genuine number never falls in a series reported stolen: draw again until it does not.
  while (inStolenSeries(design.code, format, document.documentNumber))
    document.documentNumber = documentNumber(numRng, design, format);
  const withVisaPage = format === 'TD3' && !!opts.withVisaPage;
  return {
    v: 1,
    seed,
    format,
    state: design.code,
    dpi,
    holder,
    document,
    faceSeed: `${seed}:face`,
    travellerFaceSeed: `${seed}:face`,
    traveller: 'same',
    withVisaPage,
    stamps: withVisaPage ? genuineStamps(rng.fork('stamps'), document.dateOfIssue) : [],
    personalisation: 'laser',
    alterations: [],
    context: baseContext(),
  };
}

/** Centres (mm) of the 2 × 3 grid of stamp slots on a visa page. */
export const STAMP_SLOTS: readonly (readonly [number, number])[] = [
  [30, 30],
  [62, 30],
  [95, 30],
  [30, 64],
  [62, 64],
  [95, 64],
];

/** Entry/exit stamps from the training states' border posts, laid out on the stamp slots. */
export function genuineStamps(rng: Rng, issued: string): StampSpec[] {
  const count = rng.int(2, 4);
  const slots = rng.shuffle(STAMP_SLOTS).slice(0, count);
  const from = new Date(`${issued}T00:00:00Z`).getTime();
  const to = new Date(`${REFERENCE_DATE}T00:00:00Z`).getTime();
  return slots.map(([x, y], i) => {
    const state = rng.pick(Object.keys(TRAINING_DESIGNS));
    const design = stateDesign(state);
    const post = rng.pick(design.borderPosts);
    const stampedAt = from + Math.floor(rng.next() * Math.max(1, (to - from) / 86400000)) * 86400000;
    return {
      id: i,
      state,
      postCode: post.code,
      postName: post.name,
      date: new Date(stampedAt).toISOString().slice(0, 10),
      direction: i % 2 === 0 ? 'entry' : 'exit',
      x: x + rng.range(-3, 3),
      y: y + rng.range(-3, 3),
      rotation: rng.range(-14, 14),
      ink: design.stampInk,
    } satisfies StampSpec;
  });
}

function norm(poly: number[], scene: Scene): Polygon {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < poly.length; i += 2) {
    out.push([clamp01(poly[i] / scene.widthMm), clamp01(poly[i + 1] / scene.heightMm)]);
  }
  return out;
}

function clamp01(v: number): number {
  return Math.round(Math.max(0, Math.min(1, v)) * 1e5) / 1e5;
}

export function rectPolygon(r: RectMm, scene: Scene): Polygon {
  return norm([r.x, r.y, r.x + r.w, r.y, r.x + r.w, r.y + r.h, r.x, r.y + r.h], scene);
}

export function imageFile(recipe: Recipe, side: DocumentSide, light: Light, frame?: number): string {
  const primary = sidesOf(recipe)[0];
  const name = light === 'oblique' ? `oblique-${frame ?? 1}.png` : `${light}.png`;
  return side === primary ? name : `${side}/${name}`;
}

/** Describe a recipe: the instance's data, MRZ, features and image list (no pixels rendered). */
export function instanceFromRecipe(recipe: Recipe, id: string): DocumentInstance {
  const design = stateDesign(recipe.state);
  const sides: SideInfo[] = [];
  const images: ImageRef[] = [];
  const features: FeatureAnnotation[] = [];
  const viz: VizField[] = [];
  for (const side of sidesOf(recipe)) {
    const scene = buildScene(recipe, side);
    const width = pixelSize(scene.widthMm, recipe.dpi);
    const height = pixelSize(scene.heightMm, recipe.dpi);
    sides.push({ side, widthMm: scene.widthMm, heightMm: scene.heightMm, width, height });
    for (const light of ALL_LIGHTS) {
      if (light === 'oblique') {
        for (let f = 1; f <= OBLIQUE_FRAMES; f++)
          images.push({ side, light, frame: f, file: imageFile(recipe, side, light, f), width, height });
      } else images.push({ side, light, file: imageFile(recipe, side, light), width, height });
    }
    for (const f of scene.features) {
      features.push({
        id: side === sidesOf(recipe)[0] ? f.id : `${side}:${f.id}`,
        name: f.name,
        category: categoryOfFeature(f.name),
        label: f.label,
        side,
        lights: f.lights,
        polygon: norm(f.polygon, scene),
        description: f.description,
      });
    }
    for (const fp of scene.fields) {
      viz.push({
        key: fp.key,
        label: fp.label,
        labelLocal: fp.labelLocal,
        value: fp.value,
        side,
        polygon: rectPolygon(fp.valueBox, scene),
      });
    }
  }
  const tw = pixelSize(35, Math.min(recipe.dpi, 300));
  const th = pixelSize(45, Math.min(recipe.dpi, 300));
  return {
    id,
    seed: recipe.seed,
    documentType: recipe.format,
    state: { code: design.code, name: design.name, exists: design.exists },
    dpi: recipe.dpi,
    sides,
    images,
    holder: { ...recipe.holder },
    document: { ...recipe.document },
    viz,
    mrz: printedMrz(recipe),
    features,
    traveller: { file: 'traveller.png', width: tw, height: th },
    context: structuredClone(recipe.context),
    recipe,
  };
}

/** Opaque, stable instance id: nothing in it tells a genuine document from a forgery. */
export function instanceId(...parts: string[]): string {
  const key = parts.join('|');
  const part = (text: string): string => hashString(text).toString(36).padStart(7, '0');
  return `FL-${part(key)}${part(`${key}#2`)}`.toUpperCase();
}

/** A genuine specimen: the library's entry point for specimens and the base of every forgery. */
export function renderGenuine(opts: GenuineOptions): DocumentInstance {
  const recipe = genuineRecipe(opts);
  return instanceFromRecipe(recipe, instanceId(recipe.seed, String(recipe.dpi), recipe.withVisaPage ? 'visa' : ''));
}

export interface RenderOptions {
  lights?: readonly Light[];
  sides?: readonly DocumentSide[];
}

export interface InstanceImage extends ImageRef {
  png: Buffer;
}

/**
 * Render images of an instance (all sides and lights by default) as PNG buffers. Each image is handed to the
 * encoder (libuv thread pool) as soon as it is composed, so encoding overlaps with composing the next light.
 */
export async function renderImages(instance: DocumentInstance, opts: RenderOptions = {}): Promise<InstanceImage[]> {
  const lights = opts.lights ?? ALL_LIGHTS;
  const pending: Promise<InstanceImage>[] = [];
  for (const side of opts.sides ?? sidesOf(instance.recipe)) {
    const raster = await rasterizeSide(instance.recipe, side);
    for (const img of composeSideIter(instance.recipe, raster, lights)) {
      const ref = {
        side: img.side,
        light: img.light,
        frame: img.frame,
        file: imageFile(instance.recipe, img.side, img.light, img.frame),
        width: img.width,
        height: img.height,
      };
      pending.push(encodePng(img).then((png) => ({ ...ref, png })));
      // Yield to the event loop so the encoder threads start while the next light is composed.
      await new Promise((r) => setImmediate(r));
    }
  }
  const images = await Promise.all(pending);
  // Sides in order, and within a side the requested light order.
  const sides = opts.sides ?? sidesOf(instance.recipe);
  return sides.flatMap((side) =>
    sortImages(
      images.filter((i) => i.side === side),
      lights,
    ),
  );
}

/** Raw RGB images, side by side (one side's masks in memory at a time). */
export async function* renderRaw(instance: DocumentInstance, opts: RenderOptions = {}): AsyncGenerator<RenderedImage> {
  const lights = opts.lights ?? ALL_LIGHTS;
  for (const side of opts.sides ?? sidesOf(instance.recipe)) {
    const raster = await rasterizeSide(instance.recipe, side);
    for (const img of composeSideIter(instance.recipe, raster, lights)) yield img;
  }
}

/** Render one image. */
export async function renderImage(
  instance: DocumentInstance,
  side: DocumentSide,
  light: Light,
  frame = 1,
): Promise<Buffer> {
  const raster = await rasterizeSide(instance.recipe, side);
  const imgs = composeSide(instance.recipe, raster, [light]);
  const img = light === 'oblique' ? imgs.find((i) => i.frame === frame) : imgs[0];
  if (!img) throw new Error(`no ${light} frame ${frame}`);
  return encodePng(img);
}

/** The person presenting the document: the holder in a live photo, or a look-alike (impostor). */
export async function renderTraveller(instance: DocumentInstance): Promise<Buffer> {
  const recipe = instance.recipe;
  const face =
    recipe.traveller === 'look-alike'
      ? lookAlikeParams(faceParams(recipe.faceSeed, recipe.holder.sex), recipe.travellerFaceSeed)
      : faceParams(recipe.travellerFaceSeed, recipe.holder.sex);
  const pose = livePose(new Rng(`pose:${recipe.seed}`));
  // A live photo is taken years after the document photo.
  const years = Math.max(0, Number(REFERENCE_DATE.slice(0, 4)) - Number(recipe.document.dateOfIssue.slice(0, 4)));
  const aged = { ...face, age: Math.min(1, face.age + years * 0.02) };
  const { width, height } = instance.traveller;
  const rgba = await faceRgba(aged, pose, width, height);
  return stripAncillaryChunks(
    await sharp(rgba, { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .png(PNG_OPTIONS)
      .toBuffer(),
  );
}
