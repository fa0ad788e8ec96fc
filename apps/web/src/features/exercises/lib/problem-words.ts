// The editor's own check of a draft (the API's schema, run before sending), told in plain words: each issue's path
// names an i18n key; anything unforeseen keeps the schema's message after its path.
import type { TFunction } from 'i18next';

const RULES: Array<[RegExp, string]> = [
  [/^title$/, 'exercises.problems.title'],
  [/^issuingState$/, 'exercises.problems.issuingState'],
  [/^tags/, 'exercises.problems.tags'],
  [/^truth\.explanation$/, 'exercises.problems.explanation'],
  [/^truth$/, 'exercises.problems.verdictFraudType'],
  [/^truth\.regions\.(\d+)\.polygon/, 'exercises.problems.regionPolygon'],
  [/^truth\.regions\.(\d+)\.note/, 'exercises.problems.regionNote'],
  [/^truth\.regions$/, 'exercises.problems.regionCount'],
  [/^mrz/, 'exercises.problems.mrz'],
  [/^parts\.locate/, 'exercises.problems.locate'],
  [/^context/, 'exercises.problems.context'],
];

export function problemWords(t: TFunction, issue: { path: string; message: string }): string {
  for (const [pattern, key] of RULES) {
    const match = pattern.exec(issue.path);
    if (match) return t(key, { n: match[1] ? Number(match[1]) + 1 : undefined });
  }
  return `${issue.path || t('exercises.problems.form')}: ${issue.message}`;
}
