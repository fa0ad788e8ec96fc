// What makes an exercise input valid on its own (before any lookup): pure, so it is tested without a database.
import type { ExerciseInput } from '@firstline/contracts';

/** The problems of an exercise input, one message each; empty when it is valid. */
export function exerciseInputProblems(input: ExerciseInput): string[] {
  const problems: string[] = [];
  const { truth, parts } = input;
  const keys = new Set<string>();
  for (const img of input.images) {
    const key = `${img.side}/${img.light}/${img.frame}`;
    if (keys.has(key)) problems.push(`images: ${key} is given twice`);
    keys.add(key);
  }
  if (!input.images.some((i) => i.light === 'visible'))
    problems.push('images: every exercise needs a visible-light image');
  if (truth.verdict === 'genuine' && truth.regions.length)
    problems.push('truth.regions: a genuine document has no tampered regions');
  if (parts.features) {
    if (!input.featureOptions.length) problems.push('featureOptions: the feature part needs options');
    const offered = new Set(input.featureOptions);
    for (const r of truth.regions) {
      for (const f of r.features)
        if (!offered.has(f)) problems.push(`truth.regions: feature ${f} is not among featureOptions`);
    }
  }
  if (parts.mrz && input.mrz.length < 2) problems.push('mrz: the MRZ part needs the MRZ lines');
  return problems;
}
