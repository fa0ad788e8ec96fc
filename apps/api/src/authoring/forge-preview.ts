// What a forge request would make, before anything is stored: the document drawn small under each desk light (the
// first oblique frame stands for the tilt), as WebP data URLs, with its title and exact truth.
import type { ForgePreview, Light } from '@firstline/contracts';
import { checkedOperation, planForgery, type ForgePlanInput } from './forge-plan';
import { forgedTitle, isDeskImage, toExerciseTruth } from './forged-exercise-input';

type Forge = typeof import('@firstline/forge');

/** Small and quick: enough to judge the forgery and the lights, not to study it. */
export const PREVIEW_DPI = 72;
const PREVIEW_WIDTH = 480;

/** Turns a rendered PNG into a small WebP (the media pipeline's encoder: the only place that holds sharp). */
export type PreviewEncoder = (png: Buffer, width: number) => Promise<{ data: Buffer; width: number; height: number }>;

export async function forgePreview(
  forge: Forge,
  request: ForgePlanInput,
  encode: PreviewEncoder,
): Promise<ForgePreview> {
  const { instance, truth } = planForgery(forge, request, PREVIEW_DPI);
  const lights = forge.ALL_LIGHTS.filter((light: Light) => isDeskImage({ light }));
  const rendered = (await forge.renderImages(instance, { lights })).filter((img) => (img.frame ?? 1) === 1);
  const images = await Promise.all(
    rendered.map(async (img) => {
      const { data, width, height } = await encode(img.png, PREVIEW_WIDTH);
      return {
        side: img.side,
        light: img.light,
        width,
        height,
        dataUrl: `data:image/webp;base64,${data.toString('base64')}`,
      };
    }),
  );
  return {
    operation: checkedOperation(request),
    seed: request.seed,
    title: request.title ?? forgedTitle(instance, truth, `(seed ${request.seed})`),
    images,
    truth: toExerciseTruth(truth),
  };
}
