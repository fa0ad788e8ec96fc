import { assignmentStatus, type AssignmentStanding } from './assignment-status';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const day = 86_400_000;
const open = (over: Partial<AssignmentStanding> = {}): AssignmentStanding => ({
  opensAt: new Date(NOW - day),
  closesAt: null,
  attemptsAllowed: null,
  attempts: [],
  ...over,
});
const finished = (passed: boolean) => ({ status: 'finished' as const, passed });
const inProgress = { status: 'in-progress' as const, passed: null };

describe('assignmentStatus', () => {
  it('is not-started when open with attempts left and nothing done', () => {
    expect(assignmentStatus(open(), NOW)).toBe('not-started');
  });

  it('is upcoming before the window opens', () => {
    expect(assignmentStatus(open({ opensAt: new Date(NOW + day) }), NOW)).toBe('upcoming');
  });

  it('is in-progress while an attempt is open, even after the window closed', () => {
    expect(assignmentStatus(open({ attempts: [inProgress], closesAt: new Date(NOW - 1) }), NOW)).toBe('in-progress');
  });

  it('is in-progress while an attempt is open, even when it uses the last allowed attempt', () => {
    expect(assignmentStatus(open({ attempts: [finished(false), inProgress], attemptsAllowed: 2 }), NOW)).toBe(
      'in-progress',
    );
  });

  it('is completed once passed', () => {
    expect(assignmentStatus(open({ attempts: [finished(true)] }), NOW)).toBe('completed');
  });

  it('is completed once finished without passing while attempts remain', () => {
    expect(assignmentStatus(open({ attempts: [finished(false)], attemptsAllowed: 3 }), NOW)).toBe('completed');
  });

  it('is completed when finished and then the window closed', () => {
    expect(assignmentStatus(open({ attempts: [finished(false)], closesAt: new Date(NOW - 1) }), NOW)).toBe('completed');
  });

  it('is closed when the window closed with nothing finished', () => {
    expect(assignmentStatus(open({ closesAt: new Date(NOW) }), NOW)).toBe('closed');
  });

  it('is closed when every allowed attempt is used and none finished', () => {
    // An attempt that never finished cannot exist outside `in-progress`; the limit alone closes it.
    expect(assignmentStatus(open({ attemptsAllowed: 0 }), NOW)).toBe('closed');
  });

  it('is upcoming before the window opens even when the limit is reached', () => {
    expect(assignmentStatus(open({ opensAt: new Date(NOW + 1), attemptsAllowed: 0 }), NOW)).toBe('upcoming');
  });
});
