// JSON text with pieces JSON.stringify cannot write: number tokens beyond a double (1e400, 30-digit integers),
// nesting thousands of levels deep, duplicate and `__proto__` keys. A RawJson value is written out as it is.

export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, but a RawJson value is copied verbatim (so the text may be invalid on purpose). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item)).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  // JSON.stringify writes NaN and ±Infinity as null and escapes lone surrogates as \udXXX (well-formed JSON).
  return JSON.stringify(value) ?? 'null';
}

/** `depth` nested arrays or objects around `inner`, as text (no recursion, however deep). */
export function nested(depth: number, kind: 'array' | 'object', inner = '0'): RawJson {
  return kind === 'array'
    ? new RawJson('['.repeat(depth) + inner + ']'.repeat(depth))
    : new RawJson('{"a":'.repeat(depth) + inner + '}'.repeat(depth));
}

/** Percent-encodes every code unit of a URL component; a lone surrogate becomes its 3-byte (invalid UTF-8) form. */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let bytes: number[];
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes = [...Buffer.from(value.slice(i, i + 2), 'utf8')];
        i++;
        out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff)
      bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
    else if (/[A-Za-z0-9\-_.~]/.test(value[i])) {
      out += value[i];
      continue;
    } else bytes = [...Buffer.from(value[i], 'utf8')];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}
