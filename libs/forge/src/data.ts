// Data derived from a recipe: the MRZ the issuer would print, and the VIZ values.
import { td1Lines, td3Lines, type MrzData } from './mrz';
import type { Recipe } from './types';

export function mrzDataOf(recipe: Recipe): MrzData {
  const { holder, document: doc } = recipe;
  return {
    documentCode: doc.documentCode,
    issuingState: doc.issuingState,
    surname: holder.surname,
    givenNames: holder.givenNames,
    documentNumber: doc.documentNumber,
    nationality: holder.nationality,
    dateOfBirth: holder.dateOfBirth,
    sex: holder.sex,
    dateOfExpiry: doc.dateOfExpiry,
    optional: recipe.format === 'TD3' ? holder.personalNumber : '',
    optional2: recipe.format === 'TD1' ? holder.personalNumber.slice(0, 11) : '',
  };
}

/** The MRZ as the issuer computed it from the holder's data. */
export function expectedMrz(recipe: Recipe): string[] {
  const d = mrzDataOf(recipe);
  return recipe.format === 'TD3' ? td3Lines(d) : td1Lines(d);
}

/** The MRZ as printed (after any tampering). */
export function printedMrz(recipe: Recipe): string[] {
  return recipe.mrzAlteration?.lines ?? expectedMrz(recipe);
}
