// Writing an instance to disk: one folder, one PNG per side and light, the traveller photo and instance.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderImages, renderTraveller, type RenderOptions } from './instance';
import type { DocumentInstance, GroundTruth } from './types';

export const INSTANCE_FILE = 'instance.json';

/** The JSON written next to the images: the instance (without the internal recipe) and, when given, the truth. */
export function instanceJson(instance: DocumentInstance, truth?: GroundTruth): Record<string, unknown> {
  const { recipe, ...rest } = instance;
  return {
    forgeVersion: 1,
    ...rest,
    recipe,
    ...(truth ? { truth } : {}),
  };
}

/**
 * What a trainee may be shown while answering (DESIGN.md rule 1): the images, the traveller and the context (date,
 * alert list, database checks) — no verdict, fraud type, regions, feature annotations, data or recipe.
 */
export function presentationOf(
  instance: DocumentInstance,
): Pick<DocumentInstance, 'id' | 'documentType' | 'sides' | 'images' | 'traveller' | 'context'> {
  return {
    id: instance.id,
    documentType: instance.documentType,
    sides: instance.sides,
    images: instance.images,
    traveller: instance.traveller,
    context: instance.context,
  };
}

/** Write an instance's images and instance.json into dir (created if needed). Returns the files written. */
export async function writeInstance(
  dir: string,
  instance: DocumentInstance,
  truth?: GroundTruth,
  opts: RenderOptions = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const images = await renderImages(instance, opts);
  for (const img of images) {
    const path = join(dir, img.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, img.png);
    files.push(img.file);
  }
  await writeFile(join(dir, instance.traveller.file), await renderTraveller(instance));
  files.push(instance.traveller.file);
  const json = instanceJson(instance, truth);
  if (opts.lights) (json as { images: unknown }).images = instance.images.filter((i) => files.includes(i.file));
  await writeFile(join(dir, INSTANCE_FILE), `${JSON.stringify(json, null, 2)}\n`);
  files.push(INSTANCE_FILE);
  return files;
}
