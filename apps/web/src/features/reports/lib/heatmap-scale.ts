// The heatmap's colour scale: proportion correct in five steps, from weak (warm) to strong (blue), each a class
// whose text colour keeps WCAG AA contrast on its background. The numbers are always printed too: the colour only
// helps the eye find the weak cells.
export const HEAT_STEPS = [
  { min: 0, tone: 0 },
  { min: 0.5, tone: 1 },
  { min: 0.65, tone: 2 },
  { min: 0.8, tone: 3 },
  { min: 0.9, tone: 4 },
] as const;

/** The step of a proportion 0–1; null for an empty cell. */
export function heatTone(proportion: number | null): number | null {
  if (proportion === null || Number.isNaN(proportion)) return null;
  let tone: number = HEAT_STEPS[0].tone;
  for (const step of HEAT_STEPS) if (proportion >= step.min) tone = step.tone;
  return tone;
}
