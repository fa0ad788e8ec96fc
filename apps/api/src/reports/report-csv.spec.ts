import type { CohortOfficersReport } from '@firstline/contracts';
import { fileSlug, officersCsv } from './report-csv';

describe('fileSlug', () => {
  it('keeps ASCII letters and digits, lower-cased, joined by hyphens', () => {
    expect(fileSlug('Islamabad Intake 2026-A', 'x')).toBe('islamabad-intake-2026-a');
    expect(fileSlug('Café "Ops" / night', 'x')).toBe('cafe-ops-night');
  });

  it('falls back when nothing ASCII is left (a name in Urdu script)', () => {
    expect(fileSlug('اسلام آباد', 'abc12345')).toBe('abc12345');
  });
});

describe('officersCsv', () => {
  it('writes one row per officer, with empty cells for figures that do not exist', () => {
    const report = {
      cohort: { id: '6f1c1e1e-0000-4000-8000-000000000000', name: 'اسلام آباد', unitId: '', unitName: '' },
      officers: [{ username: 'u1', name: 'عائشہ', decisions: 0, dPrime: null, tooFewDecisions: true }],
    } as unknown as CohortOfficersReport;
    const file = officersCsv(report);
    expect(file.filename).toMatch(/^officers-6f1c1e1e-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = file.body.replace('\uFEFF', '').split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
    expect(cells).toMatchObject({ username: 'u1', name: 'عائشہ', decisions: '0', dPrime: '', tooFewDecisions: 'true' });
  });
});
