// Between a `datetime-local` input's value (local wall-clock time) and the ISO instants the API takes.

/** A `datetime-local` value (local wall-clock time) for a Date. */
export function toLocalInput(date: Date): string {
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as ISO, null when blank, 'invalid' (which the schema refuses) when unreadable. */
export const toIso = (local: string) => {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
};
