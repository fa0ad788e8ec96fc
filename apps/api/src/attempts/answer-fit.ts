// Whether an answer is one the player could have given to an item: points only where it asks for them and on sides
// it shows, options only from its lists. An instructor's "try it" answer is checked with this before it is scored.
import type { ItemAnswer } from '@firstline/contracts';
import type { ExerciseVersionRecord } from '../exercises';
import { FRAUD_TYPE_OPTIONS, MRZ_CHECKS_BY_FORMAT } from './presentation.mapper';
import { sidesOf } from './scoring';

/** What is wrong with the answer for this item, in words; empty when the player could have given it. */
export function answerProblems(
  exercise: Pick<ExerciseVersionRecord, 'parts' | 'images' | 'featureOptions' | 'documentType'>,
  answer: ItemAnswer,
): string[] {
  const problems: string[] = [];
  const { parts } = exercise;
  if (answer.decision === null) problems.push('an answer needs a decision (accept or refer)');
  if (answer.points.length) {
    const sides = sidesOf(exercise.images);
    if (!parts.locate) problems.push('this item does not ask where the problem is: send no points');
    else if (answer.points.length > parts.locate.maxPoints)
      problems.push(`this item takes at most ${parts.locate.maxPoints} point(s), not ${answer.points.length}`);
    const elsewhere = [...new Set(answer.points.map((p) => p.side).filter((s) => !sides.includes(s)))];
    if (elsewhere.length)
      problems.push(`the document has no ${elsewhere.join(', ')} side (it shows: ${sides.join(', ')})`);
  }
  if (answer.fraudType !== null) {
    if (!parts.fraudType) problems.push('this item does not ask for a fraud type: send null');
    else if (!(FRAUD_TYPE_OPTIONS as string[]).includes(answer.fraudType))
      problems.push(`"${answer.fraudType}" is not a fraud type the player offers (a genuine document is accepted)`);
  }
  if (answer.features.length) {
    const offered = new Set(exercise.featureOptions);
    const unknown = answer.features.filter((f) => !offered.has(f));
    if (!parts.features) problems.push('this item does not ask which features are compromised: send none');
    else if (unknown.length) problems.push(`not among this item's feature options: ${unknown.join(', ')}`);
  }
  if (answer.mrzFailedChecks.length) {
    const checks = MRZ_CHECKS_BY_FORMAT[exercise.documentType] ?? MRZ_CHECKS_BY_FORMAT.TD3;
    const unknown = answer.mrzFailedChecks.filter((c) => !checks.includes(c));
    if (!parts.mrz) problems.push('this item does not ask which MRZ check digits fail: send none');
    else if (unknown.length)
      problems.push(`not a check digit of a ${exercise.documentType} MRZ: ${unknown.join(', ')}`);
  }
  return problems;
}
