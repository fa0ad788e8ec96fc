// Contract-shaped attempts, items and results for component tests.
import type {
  AttemptView,
  ImageUrls,
  ItemFeedback,
  ItemPresentation,
  ItemResponseResult,
  MyAssignmentView,
} from '@firstline/contracts';

export const ATTEMPT_ID = '7d3c1a2b-4e5f-4a6b-8c7d-000000000001';
export const ASSIGNMENT_ID = '7d3c1a2b-4e5f-4a6b-8c7d-000000000002';
const uuid = (n: number) => `7d3c1a2b-4e5f-4a6b-8c7d-${String(n).padStart(12, '0')}`;

export function imageUrls(name: string): ImageUrls {
  return {
    width: 2000,
    height: 1400,
    dzi: `/media/s/${name}.dzi`,
    variants: {
      '640.webp': `/media/s/${name}-640.webp`,
      '1280.webp': `/media/s/${name}-1280.webp`,
      '2560.webp': `/media/s/${name}-2560.webp`,
    },
    expiresAt: null,
  };
}

export function makeAttempt(overrides: Partial<AttemptView> = {}): AttemptView {
  const itemCount = overrides.itemCount ?? 2;
  return {
    id: ATTEMPT_ID,
    assignmentId: ASSIGNMENT_ID,
    moduleTitle: 'UTO passports — first-line drill',
    mode: 'assessment',
    feedback: 'after-finish',
    status: 'in-progress',
    itemCount,
    currentItem: 1,
    answered: Array.from({ length: itemCount }, () => false),
    timePerItemSeconds: 60,
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    deadline: null,
    finishedAt: null,
    score: null,
    passed: null,
    passMark: 80,
    ...overrides,
  };
}

export function makeItem(n: number, overrides: Partial<ItemPresentation> = {}): ItemPresentation {
  const now = new Date().toISOString();
  return {
    attemptId: ATTEMPT_ID,
    n,
    itemCount: 2,
    itemId: uuid(100 + n),
    issuingState: 'UTO',
    documentType: 'TD3',
    parts: {
      decision: true,
      locate: { maxPoints: 3 },
      fraudType: { options: ['genuine', 'counterfeit', 'forged:photo-substitution', 'forged:data-alteration'] },
      features: { options: ['portrait', 'guilloche', 'laminate'] },
      mrz: null,
    },
    sides: [
      {
        side: 'data-page',
        images: [
          { light: 'visible', frame: 1, urls: imageUrls(`item${n}-visible`) },
          { light: 'uv365', frame: 1, urls: imageUrls(`item${n}-uv`) },
        ],
      },
    ],
    traveller: null,
    context: null,
    timeAllowedSeconds: 60,
    firstServedAt: now,
    serverNow: now,
    saved: null,
    locked: false,
    ...overrides,
  };
}

export function makeFeedback(overrides: Partial<ItemFeedback> = {}): ItemFeedback {
  return {
    verdict: 'fraudulent',
    fraudType: 'forged:photo-substitution',
    regions: [
      {
        side: 'data-page',
        polygon: [
          [0.05, 0.2],
          [0.3, 0.2],
          [0.3, 0.7],
          [0.05, 0.7],
        ],
        features: ['portrait', 'laminate'],
        lights: ['visible'],
      },
    ],
    explanation: 'The portrait sits on top of the laminate: its edge casts a shadow under oblique light.',
    mrzFailedChecks: [],
    score: 0.75,
    parts: [{ part: 'decision', score: 1, weight: 1 }],
    correctDecision: 'refer',
    ...overrides,
  };
}

export function makeResult(n: number, feedback: ItemFeedback | null = null): ItemResponseResult {
  return { n, status: 'locked', late: false, receivedAt: new Date().toISOString(), responseTimeMs: 4200, feedback };
}

export function makeAssignment(
  overrides: Partial<Omit<MyAssignmentView, 'module'>> & { module?: Partial<MyAssignmentView['module']> } = {},
): MyAssignmentView {
  const { module, ...rest } = overrides;
  return {
    id: ASSIGNMENT_ID,
    cohort: { id: uuid(900), name: 'Islamabad Intake 2026-A' },
    module: {
      id: uuid(901),
      versionId: uuid(902),
      version: 1,
      title: 'UTO passports — first-line drill',
      description: '',
      mode: 'practice',
      feedback: 'after-item',
      itemCount: 20,
      timePerItemSeconds: 12,
      moduleTimeSeconds: null,
      passMark: 80,
      attemptsAllowed: null,
      hasLessons: true,
      ...module,
    },
    opensAt: '2026-05-01T00:00:00Z',
    closesAt: '2026-06-30T00:00:00Z',
    status: 'not-started',
    attemptsUsed: 0,
    bestScore: null,
    passed: null,
    activeAttemptId: null,
    ...rest,
  };
}
