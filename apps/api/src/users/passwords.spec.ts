import { initialPassword } from './passwords';

describe('initial passwords', () => {
  it('are 12 base64url characters and never start with a character a spreadsheet would take for a formula', () => {
    // With a plain base64url draw about one in 32 would start with "-" or "_"; 2000 draws would show it.
    const drawn = Array.from({ length: 2000 }, initialPassword);
    expect(drawn.every((password) => /^[A-Za-z0-9][A-Za-z0-9_-]{11}$/.test(password))).toBe(true);
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});
