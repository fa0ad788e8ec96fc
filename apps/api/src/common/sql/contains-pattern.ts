// The (I)LIKE pattern for "contains this text": `%`, `_` and `\` in the text match themselves (the backslash is
// LIKE's default escape), so a search for "%" finds a percent sign rather than everything.
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (special) => `\\${special}`)}%`;
}
