import * as mrz from './mrz';
import * as forge from './index';

describe('the package root', () => {
  // The API's MRZ check imports these from '@firstline/forge' rather than from a file under dist/.
  it.each(['checkMrz', 'isKnownStateCode', 'MrzFormatError'] as const)('exports %s from the MRZ module', (name) => {
    expect(forge[name]).toBe(mrz[name]);
  });

  it('exports the MRZ format error as a class with a reason', () => {
    expect(() => forge.checkMrz([])).toThrow(forge.MrzFormatError);
  });
});
