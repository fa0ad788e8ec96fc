import type { OfficerCompetence } from '@firstline/contracts';
import { describe, expect, it } from 'vitest';
import { sortOfficers } from './sort-officers';

const officer = (name: string, over: Partial<OfficerCompetence> = {}): OfficerCompetence => ({
  userId: `0b6f6b7e-1c2d-4e5f-8a9b-${name.length.toString().padStart(12, '0')}`,
  username: name.toLowerCase(),
  name,
  decisions: 40,
  hits: 15,
  misses: 5,
  falseAlarms: 4,
  correctRejections: 16,
  hitRate: 0.75,
  falseAlarmRate: 0.2,
  missedForgeryRate: 0.25,
  needlessReferralRate: 0.2,
  dPrime: 1.5,
  criterion: 0.1,
  accuracy: 0.78,
  meanDecisionMs: 9000,
  medianDecisionMs: 8000,
  locateAccuracy: 0.6,
  fraudTypeAccuracy: 0.5,
  attempts: 2,
  bestScore: 80,
  latestScore: 75,
  lastActivityAt: '2026-11-20T10:00:00Z',
  tooFewDecisions: false,
  modules: [],
  notStarted: 0,
  overdue: 0,
  ...over,
});

describe('sortOfficers', () => {
  const a = officer('Asad', { dPrime: 2.1 });
  const b = officer('Bushra', { dPrime: 0.4 });
  const c = officer('Chand', { dPrime: 0.1, decisions: 6, tooFewDecisions: true });
  const d = officer('Dania', { dPrime: null });

  it('ranks by d′ with the officers who have too few decisions after the judged ones, either way', () => {
    expect(sortOfficers([a, b, c, d], { key: 'dPrime', dir: 'asc' }, 'en').map((o) => o.name)).toEqual([
      'Bushra',
      'Asad',
      'Dania',
      'Chand',
    ]);
    expect(sortOfficers([a, b, c, d], { key: 'dPrime', dir: 'desc' }, 'en').map((o) => o.name)).toEqual([
      'Asad',
      'Bushra',
      'Dania',
      'Chand',
    ]);
  });

  it('ranks everyone on counts such as decisions', () => {
    expect(sortOfficers([a, b, c], { key: 'decisions', dir: 'asc' }, 'en').map((o) => o.name)).toEqual([
      'Chand',
      'Asad',
      'Bushra',
    ]);
  });

  it('sorts names by the language’s collation', () => {
    expect(sortOfficers([d, c, b, a], { key: 'name', dir: 'desc' }, 'en').map((o) => o.name)).toEqual([
      'Dania',
      'Chand',
      'Bushra',
      'Asad',
    ]);
  });
});
