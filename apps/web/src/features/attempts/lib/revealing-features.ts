import type { FeatureKind, ItemFeedback } from '@firstline/contracts';

/** The security features that give an item's fraud away, each once, from the truth regions of its feedback. */
export function revealingFeatures(feedback: ItemFeedback): FeatureKind[] {
  return [...new Set(feedback.regions.flatMap((r) => r.features))];
}
