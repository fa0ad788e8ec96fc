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

  it('leaves ordinary text, numbers (also negative) and empties as they are', () => {
    expect(csvCell('Ayesha Khan')).toBe('Ayesha Khan');
    expect(csvCell(-0.42)).toBe('-0.42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('writes a BOM, CRLF rows and Urdu text unchanged', () => {
    const csv = toCsv(['name', 'score'], [['عائشہ خان', 81.5]]);
    expect(csv.startsWith('\uFEFFname,score\r\n')).toBe(true);
    expect(csv).toContain('عائشہ خان,81.5\r\n');
  });
});
