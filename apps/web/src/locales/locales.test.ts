// Every key the code uses exists in both catalogues, and the Urdu catalogue has exactly the English keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ur from './ur.json';

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const baseKey = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translation catalogues', () => {
  const enKeys = flatten(en).sort();
  const urKeys = flatten(ur).sort();

  it('Urdu has every English key and no others', () => {
    expect(urKeys).toEqual(enKeys);
  });

  it('no Urdu string is left empty or identical to a long English one', () => {
    const at = (catalogue: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
    const enFlat = Object.fromEntries(flatten(en).map((k) => [k, at(en, k)]));
    for (const key of urKeys) {
      const value = at(ur, key);
      expect(value.trim(), key).not.toBe('');
      if (enFlat[key].length > 12 && !/FirstLine/.test(enFlat[key])) expect(value, key).not.toBe(enFlat[key]);
    }
  });

  it('every literal key used in the code exists', () => {
    const known = new Set(enKeys.map(baseKey));
    const src = join(__dirname, '..');
    const missing: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bt\(|i18nKey=|labelKey: )['"]([a-zA-Z]+\.[a-zA-Z0-9_.]+)['"]/g)) {
        if (!known.has(m[1])) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
