// The history recorder with its repository and neighbours replaced by in-memory stand-ins: items are scored exactly
// as scoreAnswer scores a live answer, the late rule applies, times are backdated, and the events come in order.
import type { ExerciseParts, ExerciseTruth, ItemAnswer, ModuleSettings } from '@firstline/contracts';
import type { EntityManager } from 'typeorm';
import type { ExercisesService, ExerciseVersionRecord } from '../exercises';
import type { AssignmentWithVersion, ModulesService } from '../modules';
import { AttemptEvents, type AttemptEventSink } from './attempt-events';
import type { Attempt, AttemptItem } from './attempt.entity';
import type { AttemptsRepository, HistoricalItemRow } from './attempts.repository';
import { LATE_GRACE_MS } from './attempts.service';
import type { ExposuresRepository } from './exposures.repository';
import { HistoryRecorder, type HistoricalAttempt } from './history-recorder';
import { attemptResults, scoreAnswer } from './scoring';

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];
const parts: ExerciseParts = { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false };
const photoSwap: ExerciseTruth = {
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  regions: [{ side: 'front', polygon: square(0.05, 0.2, 0.35, 0.7), features: ['ghost-image'], lights: ['visible'] }],
  explanation: 'The photo was replaced.',
};
const genuine: ExerciseTruth = { verdict: 'genuine', fraudType: 'genuine', regions: [], explanation: 'Nothing wrong.' };

function version(id: string, truth: ExerciseTruth): ExerciseVersionRecord {
  return {
    id,
    exerciseId: `ex-${id}`,
    version: 1,
    title: id,
    issuingState: 'UTO',
    documentType: 'TD3',
    parts,
    images: [{ side: 'front', light: 'visible', frame: 1, assetId: 'a' }],
    travellerAssetId: null,
    mrz: null,
    featureOptions: [],
    context: null,
    truth,
    verdict: truth.verdict,
  } as unknown as ExerciseVersionRecord;
}

const settings = (mode: 'practice' | 'assessment', attemptsAllowed: number | null): ModuleSettings => ({
  mode,
  feedback: mode === 'practice' ? 'after-item' : 'after-finish',
  timePerItemSeconds: 30,
  moduleTimeSeconds: mode === 'assessment' ? 600 : null,
  drawCount: 3,
  minGenuineShare: 0.3,
  passMark: 70,
  attemptsAllowed,
});

const versions = [version('v1', photoSwap), version('v2', genuine), version('v3', photoSwap)];

function assignment(
  id: string,
  mode: 'practice' | 'assessment',
  attemptsAllowed: number | null,
): AssignmentWithVersion {
  return {
    id,
    cohortId: 'cohort-1',
    opensAt: new Date('2026-01-01T00:00:00Z'),
    closesAt: null,
    moduleVersion: {
      id: `mv-${id}`,
      moduleId: `mod-${id}`,
      version: 1,
      title: id,
      description: '',
      lessonSpecimenIds: [],
      pool: versions.map((v) => v.id),
      itemModels: [],
      settings: settings(mode, attemptsAllowed),
    },
  };
}

const refer = (extra: Partial<ItemAnswer> = {}): ItemAnswer => ({
  decision: 'refer',
  points: [],
  fraudType: null,
  features: [],
  mrzFailedChecks: [],
  ...extra,
});
const accept: ItemAnswer = { ...refer(), decision: 'accept' };

function setUp(existingAttempts = 0) {
  const stored: Array<{ fields: Partial<Attempt>; rows: HistoricalItemRow[] }> = [];
  const repo = {
    countAttempts: jest.fn(async () => existingAttempts),
    attemptsAt: jest.fn(async () => []),
    insertFinishedAttempt: jest.fn(async (fields: Partial<Attempt>, rows: HistoricalItemRow[]) => {
      stored.push({ fields, rows });
      const attempt = { id: `attempt-${stored.length}`, ...fields } as Attempt;
      const items = rows.map(
        (row) =>
          ({
            id: `item-${stored.length}-${row.n}`,
            attemptId: attempt.id,
            n: row.n,
            exerciseVersionId: row.exerciseVersionId,
            firstServedAt: row.firstServedAt,
            ...(row.locked ?? { answer: null, lockedAt: null, late: false, responseTimeMs: null, parts: null }),
            score: row.locked?.score ?? 0,
          }) as AttemptItem,
      );
      return { attempt, items };
    }),
  };
  const assignments = new Map([
    ['practice', assignment('practice', 'practice', null)],
    ['assessment', assignment('assessment', 'assessment', 2)],
  ]);
  const modules = { assignmentWithVersion: jest.fn(async (id: string) => assignments.get(id) ?? null) };
  const exercises = {
    versionsByIds: jest.fn(async (ids: string[]) => versions.filter((v) => ids.includes(v.id))),
  };
  const events = new AttemptEvents();
  const seen: Array<{ kind: string; event: Record<string, unknown> }> = [];
  const sink: AttemptEventSink = {
    attemptStarted: async (event) => void seen.push({ kind: 'started', event: { ...event } }),
    itemLocked: async (event) => void seen.push({ kind: 'item', event: { ...event } }),
    attemptFinished: async (event) => void seen.push({ kind: 'finished', event: { ...event } }),
  };
  events.register(sink);
  const exposed: Array<{ userId: string; exerciseIds: string[]; source: string; attemptId: string | null }> = [];
  const exposures = {
    record: jest.fn(async (userId: string, exerciseIds: string[], source: string, attemptId: string | null) => {
      if (exerciseIds.length) exposed.push({ userId, exerciseIds, source, attemptId });
    }),
  };
  const recorder = new HistoryRecorder(
    repo as unknown as AttemptsRepository,
    exercises as unknown as ExercisesService,
    modules as unknown as ModulesService,
    events,
    exposures as unknown as ExposuresRepository,
  );
  return { recorder, stored, seen, exposed, m: {} as EntityManager };
}

const startedAt = new Date('2026-10-05T04:00:00Z');
const attemptAt = (assignmentId: string, items: HistoricalAttempt['items']): HistoricalAttempt => ({
  userId: 'user-1',
  assignmentId,
  startedAt,
  items,
});

describe('HistoryRecorder', () => {
  it('scores each answer with scoreAnswer and the attempt with attemptResults, as a live attempt', async () => {
    const { recorder, stored } = setUp();
    const hitWithPoint = refer({ points: [{ side: 'front', x: 0.2, y: 0.4 }], fraudType: 'forged:photo-substitution' });
    const [recorded] = await recorder.record(
      [
        attemptAt('practice', [
          { exerciseVersionId: 'v1', answer: hitWithPoint, responseTimeMs: 8000 },
          { exerciseVersionId: 'v2', answer: accept, responseTimeMs: 5000 },
          { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 6000 },
        ]),
      ],
      {} as EntityManager,
    );
    const expected = [
      scoreAnswer(photoSwap, parts, ['front'], hitWithPoint),
      scoreAnswer(genuine, parts, ['front'], accept),
      scoreAnswer(photoSwap, parts, ['front'], accept),
    ];
    expect(stored[0].rows.map((r) => r.locked?.score)).toEqual(expected.map((e) => e.score));
    expect(stored[0].rows.map((r) => r.locked?.outcome)).toEqual(expected.map((e) => e.outcome));
    const results = attemptResults(
      [photoSwap, genuine, photoSwap].map((truth, i) => ({
        truth,
        answer: [hitWithPoint, accept, accept][i],
        score: expected[i].score,
        late: false,
        responseTimeMs: [8000, 5000, 6000][i],
      })),
      70,
    );
    expect(recorded).toMatchObject({ score: results.score, passed: results.passed });
    expect(stored[0].fields).toMatchObject({ score: results.score, passed: results.passed });
  });

  it('backdates the attempt: items shown one after another from startedAt, finished after the last answer', async () => {
    const { recorder, stored } = setUp();
    await recorder.record(
      [
        attemptAt('practice', [
          { exerciseVersionId: 'v1', answer: refer(), responseTimeMs: 8000 },
          { exerciseVersionId: 'v2', answer: accept, responseTimeMs: 5000 },
          { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 6000 },
        ]),
      ],
      {} as EntityManager,
    );
    const [first, second, third] = stored[0].rows;
    expect(first.firstServedAt).toEqual(startedAt);
    expect(first.locked!.lockedAt!.getTime() - first.firstServedAt!.getTime()).toBe(8000);
    expect(second.firstServedAt!.getTime()).toBeGreaterThan(first.locked!.lockedAt!.getTime());
    expect(third.locked!.lockedAt!.getTime() - third.firstServedAt!.getTime()).toBe(6000);
    expect(stored[0].fields.startedAt).toEqual(startedAt);
    expect(stored[0].fields.finishedAt).toEqual(third.locked!.lockedAt);
  });

  it('applies the late rule: recorded late, and worth 0 in an assessment only', async () => {
    const { recorder, stored } = setUp();
    const late = 30_000 + LATE_GRACE_MS + 1;
    const items = [
      { exerciseVersionId: 'v1', answer: refer(), responseTimeMs: late },
      { exerciseVersionId: 'v2', answer: accept, responseTimeMs: 4000 },
      { exerciseVersionId: 'v3', answer: refer(), responseTimeMs: 4000 },
    ];
    await recorder.record([attemptAt('practice', items), attemptAt('assessment', items)], {} as EntityManager);
    expect(stored[0].rows[0].locked).toMatchObject({ late: true });
    expect(stored[0].rows[0].locked!.score).toBeGreaterThan(0);
    expect(stored[1].rows[0].locked).toMatchObject({ late: true, score: 0 });
    expect(stored[1].rows[1].locked).toMatchObject({ late: false });
  });

  it('tells AttemptEvents: started, every item (an unanswered one without a decision, at the finish), finished', async () => {
    const { recorder, seen } = setUp();
    await recorder.record(
      [
        attemptAt('assessment', [
          { exerciseVersionId: 'v1', answer: refer(), responseTimeMs: 7000 },
          { exerciseVersionId: 'v2', answer: null, responseTimeMs: null },
          { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 9000 },
        ]),
      ],
      {} as EntityManager,
    );
    expect(seen.map((s) => s.kind)).toEqual(['started', 'item', 'item', 'item', 'finished']);
    expect(seen[0].event).toMatchObject({ startedAt, itemCount: 3, mode: 'assessment', cohortId: 'cohort-1' });
    const finishedAt = seen[4].event.finishedAt as Date;
    expect(seen[1].event).toMatchObject({ decision: 'refer', verdict: 'fraudulent', responseTimeMs: 7000 });
    expect(seen[2].event).toMatchObject({ decision: null, score: 0, answeredAt: finishedAt });
    expect(seen[3].event).toMatchObject({ decision: 'accept', fraudType: 'forged:photo-substitution' });
    expect(finishedAt.getTime()).toBeGreaterThan(startedAt.getTime());
  });

  it('leaves items unanswered past the attempt’s deadline and finishes it then, as the deadline sweeper would', async () => {
    const { recorder, stored, seen } = setUp();
    // The assessment allows 600 s; the first answer takes 5 minutes (late), the second 6 minutes (after the deadline).
    await recorder.record(
      [
        attemptAt('assessment', [
          { exerciseVersionId: 'v1', answer: refer(), responseTimeMs: 300_000 },
          { exerciseVersionId: 'v2', answer: accept, responseTimeMs: 360_000 },
          { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 1000 },
        ]),
      ],
      {} as EntityManager,
    );
    const deadline = new Date(startedAt.getTime() + 600_000);
    expect(stored[0].fields).toMatchObject({ deadline, finishedAt: deadline });
    expect(stored[0].rows[0].locked).toMatchObject({ late: true, score: 0 });
    expect(stored[0].rows[1].locked).toBeNull();
    expect(stored[0].rows[2]).toMatchObject({ locked: null, firstServedAt: null });
    expect(seen.filter((e) => e.kind === 'item').map((e) => e.event.decision)).toEqual(['refer', null, null]);
  });

  it('refuses what a live start refuses: too many attempts, wrong item count, an exercise outside the pool', async () => {
    const three = [
      { exerciseVersionId: 'v1', answer: refer(), responseTimeMs: 5000 },
      { exerciseVersionId: 'v2', answer: accept, responseTimeMs: 5000 },
      { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 5000 },
    ];
    const { recorder, m } = setUp(1);
    await expect(recorder.record([attemptAt('assessment', three), attemptAt('assessment', three)], m)).rejects.toThrow(
      'All 2 attempt(s) allowed have been used',
    );
    await expect(recorder.record([attemptAt('practice', three.slice(0, 2))], m)).rejects.toThrow('has 3 items');
    const stranger = [...three.slice(0, 2), { exerciseVersionId: 'v9', answer: accept, responseTimeMs: 1 }];
    await expect(recorder.record([attemptAt('practice', stranger)], m)).rejects.toThrow("not in the module's pool");
  });

  it('records what the attempt showed, as a live one: each answered practice item, every item of a review', async () => {
    const { recorder, exposed } = setUp();
    await recorder.record(
      [
        attemptAt('practice', [
          { exerciseVersionId: 'v1', answer: accept, responseTimeMs: 5000 },
          { exerciseVersionId: 'v2', answer: null, responseTimeMs: null },
          { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 5000 },
        ]),
        attemptAt('assessment', [
          { exerciseVersionId: 'v1', answer: accept, responseTimeMs: 5000 },
          { exerciseVersionId: 'v2', answer: null, responseTimeMs: null },
          { exerciseVersionId: 'v3', answer: accept, responseTimeMs: 5000 },
        ]),
      ],
      {} as EntityManager,
    );
    expect(exposed).toEqual([
      { userId: 'user-1', exerciseIds: ['ex-v1', 'ex-v3'], source: 'practice-feedback', attemptId: 'attempt-1' },
      { userId: 'user-1', exerciseIds: ['ex-v1', 'ex-v2', 'ex-v3'], source: 'review', attemptId: 'attempt-2' },
    ]);
  });

  it('draws items by the server rule from the loaded pools', async () => {
    const { recorder } = setUp();
    const pools = await recorder.pools(['practice']);
    let seed = 1;
    const drawn = pools.draw('practice', 'user-1', () => (seed = (seed * 16807) % 2147483647) / 2147483647);
    expect(drawn).toHaveLength(3);
    expect(new Set(drawn.map((d) => d.id))).toEqual(new Set(['v1', 'v2', 'v3']));
  });

  it('draws an assessment as exposure control does: one genuine document must stay unseen for the second attempt', async () => {
    const { recorder } = setUp();
    const pools = await recorder.pools(['assessment']);
    // Three documents, one genuine; two reviewed attempts of three with a genuine one each cannot both be unseen.
    expect(() => pools.draw('assessment', 'user-1', Math.random)).toThrow(RangeError);
  });
});
