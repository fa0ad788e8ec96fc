// Names people read in lists, rosters and exported CSV (display names; unit, cohort, specimen, exercise and module
// names): single-line text without control characters, and without bidirectional control characters — U+202A–U+202E
// (embeddings and overrides), U+2066–U+2069 (isolates), U+200E/U+200F (LRM/RLM) and U+061C (ALM) — which can make
// a name read backwards or reorder the cells around it ("Trojan Source"). Such names are refused, not silently
// stripped, so what is stored is exactly what was typed. Urdu and other right-to-left names need none of them.
import { z } from 'zod';

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why this text cannot be a name, in words, or null when it can. */
export function nameTextProblem(value: string): string | null {
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi)
    return `must not contain bidirectional control characters (${codePoint(bidi[0])}), which can make text read in a different order`;
  const control = CONTROL.exec(value);
  if (control) return `must not contain control characters (${codePoint(control[0])})`;
  return null;
}

/** A name: trimmed, 1–`max` characters, no control or bidirectional control characters. */
export function nameText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = nameTextProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
