// Which of a side's images the viewer shows: one layer per light, and for a light photographed at several tilt
// angles (oblique: the OVD's colours and image change as the document tilts) one layer per angle. The light
// and angle chosen are remembered per side.
import type { DocumentSide, ImageUrls, Light } from '@firstline/contracts';
import { useMemo, useState } from 'react';
import type { ViewerImage } from './document-viewer';

export interface SideImage {
  light: Light;
  frame: number;
  urls: ImageUrls;
}

export const layerId = (light: Light, frame: number): string => (frame === 1 ? light : `${light}#${frame}`);

/** The light switch of one side: its layers, the light and tilt angle chosen, and how to change them. */
export type LightSwitch = ReturnType<typeof useLightSwitch>;

export function useLightSwitch(side: DocumentSide, sideImages: readonly SideImage[]) {
  const layers: ViewerImage[] = useMemo(
    () => sideImages.map((i) => ({ id: layerId(i.light, i.frame), urls: i.urls })),
    [sideImages],
  );
  const lights = useMemo(() => [...new Set(sideImages.map((i) => i.light))], [sideImages]);
  const [chosen, setChosen] = useState<Partial<Record<DocumentSide, { light?: Light; frame?: number }>>>({});
  const choice = chosen[side] ?? {};
  const light: Light | undefined = choice.light && lights.includes(choice.light) ? choice.light : lights[0];
  const frames = useMemo(
    () => [...new Set(sideImages.filter((i) => i.light === light).map((i) => i.frame))].sort((a, b) => a - b),
    [sideImages, light],
  );
  const frame = choice.frame && frames.includes(choice.frame) ? choice.frame : (frames[0] ?? 1);
  const choose = (next: { light?: Light; frame?: number }) =>
    setChosen((c) => ({ ...c, [side]: { ...c[side], ...next } }));
  return {
    layers,
    lights,
    light,
    setLight: (l: Light) => choose({ light: l }),
    /** The angles of the current light (one entry when it has no tilt series). */
    frames,
    frame,
    setFrame: (f: number) => choose({ frame: f }),
    /** The next angle, round the series (the T key). */
    nextFrame: () => choose({ frame: frames[(frames.indexOf(frame) + 1) % frames.length] }),
    visible: light ? layerId(light, frame) : undefined,
  };
}
