import { containsPattern } from './contains-pattern';

describe('containsPattern', () => {
  it('wraps the text in % and escapes LIKE’s own characters', () => {
    expect(containsPattern('Arcadia')).toBe('%Arcadia%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
