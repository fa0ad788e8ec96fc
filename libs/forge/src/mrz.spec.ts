import { parse } from 'mrz';
import { checkDigit, checkMrz, MrzFormatError, td1Lines, td3Lines } from './mrz';

describe('MRZ per ICAO Doc 9303', () => {
  it('computes check digits as in the Doc 9303 worked examples', () => {
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
    expect(checkDigit('ZE184226B<<<<<')).toBe('1');
    expect(checkDigit('D23145890')).toBe('7');
  });

  it('reproduces the Doc 9303 TD3 specimen (Utopia, Anna Maria Eriksson)', () => {
    const lines = td3Lines({
      documentCode: 'P<',
      issuingState: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna Maria',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
      optional: 'ZE184226B',
    });
    expect(lines).toEqual([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
  });

  it('reproduces the Doc 9303 TD1 specimen', () => {
    const lines = td1Lines({
      documentCode: 'I<',
      issuingState: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna Maria',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
    });
    expect(lines).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });

  it('accepts the training states that the mrz package does not know', () => {
    const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
    expect(parse(lines).valid).toBe(false); // UTO is not in the package's list
    const r = checkMrz(lines);
    expect(r).toMatchObject({ valid: true, format: 'TD3', failedChecks: [] });
    expect(r.fields.issuingState).toBe('UTO');
    expect(r.unknownState).toBeUndefined();
    expect(r.checks.filter((c) => c.checkDigit).map((c) => c.field)).toEqual(
      expect.arrayContaining([
        'documentNumberCheckDigit',
        'birthDateCheckDigit',
        'expirationDateCheckDigit',
        'compositeCheckDigit',
      ]),
    );
  });

  it('flags a code in neither list as an unknown state (pseudo-document tell)', () => {
    const lines = td3Lines({
      documentCode: 'P<',
      issuingState: 'WMR',
      surname: 'Doe',
      givenNames: 'Jan',
      documentNumber: 'WM1234567',
      nationality: 'WMR',
      dateOfBirth: '1980-01-01',
      sex: 'M',
      dateOfExpiry: '2030-01-01',
    });
    const r = checkMrz(lines);
    expect(r.valid).toBe(false);
    expect(r.unknownState).toBe(true);
    expect(r.unknownStateCodes).toEqual(['WMR']);
    expect(r.failedChecks).toEqual([]);
  });

  it('reports failing check digits', () => {
    const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408132F1204159ZE184226B<<<<<10'];
    const r = checkMrz(lines.join('\n'));
    expect(r.valid).toBe(false);
    expect(r.failedChecks).toEqual(expect.arrayContaining(['birthDateCheckDigit', 'compositeCheckDigit']));
  });

  it.each([
    [[], 'empty'],
    [['P<UTO'], 'line-count'],
    [['P<UTOERIKSSON', 'L898902C36'], 'line-length'],
    [['p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'], 'charset'],
  ])('throws a typed error for malformed input %#', (lines, reason) => {
    expect(() => checkMrz(lines as string[])).toThrow(MrzFormatError);
    try {
      checkMrz(lines as string[]);
    } catch (e) {
      expect((e as MrzFormatError).reason).toBe(reason);
    }
  });
});
