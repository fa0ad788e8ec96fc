import { genuineRecipe } from './instance';
import { buildScene } from './layout';
import { PSEUDO_DESIGNS, TRAINING_DESIGNS } from './states';

describe('layout', () => {
  // Seen in a demo item: "GRAND DUCHY OF WESTMARCH" ran into "DIPLOMATIC PASSPORT" on the pseudo state's TD3 page.
  it('never lets a header line run into the title beside it, for every design and document type', () => {
    const checked: string[] = [];
    for (const code of [...Object.keys(TRAINING_DESIGNS), ...Object.keys(PSEUDO_DESIGNS)]) {
      for (const type of ['TD3', 'TD1'] as const) {
        const recipe = { ...genuineRecipe({ state: 'UTO', type, seed: 'header', dpi: 100 }), state: code };
        const zones = buildScene(recipe, type === 'TD3' ? 'data-page' : 'front').zones;
        for (const [left, right] of [
          ['headerName', 'headerTitle'],
          ['headerLocalName', 'headerLocalTitle'],
        ]) {
          const a = zones[left];
          const b = zones[right];
          expect({ code, type, gap: b.x - (a.x + a.w) > 0 }).toEqual({ code, type, gap: true });
        }
        checked.push(`${code}/${type}`);
      }
    }
    expect(checked).toContain('WMR/TD3');
  });
});
