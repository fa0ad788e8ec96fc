import { findInvalidQueryText, findInvalidText, textProblem } from './invalid-text';

describe('invalid text', () => {
  it('accepts ordinary text in any script, emoji (paired surrogates) included', () => {
    expect(textProblem('Sadia Noor — سعدیہ نور 🛂')).toBeNull();
  });

  it('names a NUL character and an unpaired surrogate', () => {
    expect(textProblem('a\u0000b')).toBe('contains a NUL character (U+0000)');
    expect(textProblem('a\uD800b')).toMatch(/unpaired surrogate \(U\+D800\)/);
    expect(textProblem('\uDC00')).toMatch(/unpaired surrogate \(U\+DC00\)/);
  });

  it('finds the first bad string or key in a nested body, by its dotted path', () => {
    expect(findInvalidText({ a: 'ok', b: [{ c: 'x' }, { c: 'y\u0000' }] })).toEqual({
      path: 'b.1.c',
      problem: 'contains a NUL character (U+0000)',
    });
    expect(findInvalidText({ ['k\u0000']: 1 })).toEqual({
      path: 'k\u0000',
      problem: 'has a key that contains a NUL character (U+0000)',
    });
    expect(findInvalidText({ n: 1, t: true, z: null })).toBeNull();
    let deep: unknown = 'at the bottom\u0000';
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(findInvalidText(deep)?.problem).toBe('contains a NUL character (U+0000)');
  });

  it('decodes a query string strictly and names the parameter', () => {
    expect(findInvalidQueryText('limit=5&q=Ali+Raza%20%C3%A9')).toBeNull();
    expect(findInvalidQueryText('limit=5&q=%00')).toEqual({ path: 'q', problem: 'contains a NUL character (U+0000)' });
    expect(findInvalidQueryText('q=%ED%A0%80')).toEqual({ path: 'q', problem: 'is not valid percent-encoded UTF-8' });
  });
});
