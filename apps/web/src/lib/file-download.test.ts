import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './file-download';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name (RFC 6266) so Urdu file names survive', () => {
    expect(filenameFromDisposition(`attachment; filename="report.csv"; filename*=UTF-8''%D8%A8%DB%8C%DA%86.csv`)).toBe(
      'بیچ.csv',
    );
  });

  it('reads a plain quoted or bare name, and nothing from no header', () => {
    expect(filenameFromDisposition('attachment; filename="officers.csv"')).toBe('officers.csv');
    expect(filenameFromDisposition('attachment; filename=officers.csv')).toBe('officers.csv');
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
