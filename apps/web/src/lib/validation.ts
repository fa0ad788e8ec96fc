// Client-side checks with the same zod schemas the API uses; each field gets one translated sentence.
import type { z } from 'zod';

export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  messages: Record<string, string>,
  fallback: string,
): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= messages[field] ?? fallback;
  }
  return { data: null, errors };
}

/** Empty form inputs become `undefined` / `null` so optional fields validate as absent. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
