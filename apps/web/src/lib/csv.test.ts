import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV writer', () => {
  it.each([
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['+SUM(1+1)', `'+SUM(1+1)`],
    ['-2+3', `'-2+3`],
    ['@HYPERLINK("http://x")', `"'@HYPERLINK(""http://x"")"`],
    ['\tTAB', `'\tTAB`],
    ['\rCR', `"'\rCR"`],
  ])('neutralises a formula-looking cell %j (OWASP CSV injection)', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves ordinary text as it is and quotes where RFC 4180 requires', () => {
    expect(csvCell('Ayesha Khan')).toBe('Ayesha Khan');
    expect(csvCell('PK-12345')).toBe('PK-12345');
    expect(csvCell('')).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('writes a BOM, CRLF rows and Urdu text unchanged', () => {
    const csv = toCsv(['name', 'unit'], [['عائشہ خان', 'ISB-IMM']]);
    expect(csv.startsWith('\uFEFFname,unit\r\n')).toBe(true);
    expect(csv).toContain('عائشہ خان,ISB-IMM\r\n');
  });
});
