import type { AssignmentView, ModuleExposure, ModuleItemModels, ModuleView } from '@firstline/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';
import { getModuleItemModelsQueryOptions } from '../api/get-module-item-models';

const moduleId = '8d3f0a21-6b5c-4d4e-9f30-000000000001';
const versionId = '8d3f0a21-6b5c-4d4e-9f30-000000000002';
const cohort = {
  id: '5c0d7a3e-8b1f-4c2d-9e3f-000000000001',
  name: 'Islamabad Intake 2026-A',
  unitId: '9a1f0c9e-2b3c-4d5e-8f90-000000000001',
  unitName: 'ISB-IMM',
  instructorIds: [],
  memberCount: 12,
  startsOn: null,
  endsOn: null,
};
const draft: ModuleView = {
  id: moduleId,
  unitId: '00000000-0000-4000-8000-0000000000aa',
  title: 'First-line drill',
  description: '',
  lessonSpecimenIds: [],
  exerciseIds: [],
  itemModels: [],
  settings: {
    mode: 'practice',
    feedback: 'after-item',
    timePerItemSeconds: 12,
    moduleTimeSeconds: null,
    drawCount: null,
    minGenuineShare: 0.4,
    passMark: 80,
    attemptsAllowed: null,
  },
  publishedVersion: null,
  hasUnpublishedChanges: true,
  updatedAt: '2026-01-10T08:00:00Z',
};
const published: ModuleView = {
  ...draft,
  publishedVersion: { id: versionId, version: 1, publishedAt: '2026-01-10T09:00:00Z' },
  hasUnpublishedChanges: false,
  updatedAt: '2026-01-10T09:00:00Z',
};
const assignment: AssignmentView = {
  id: '8d3f0a21-6b5c-4d4e-9f30-000000000009',
  cohort: { id: cohort.id, name: cohort.name },
  module: {
    id: moduleId,
    versionId,
    version: 1,
    title: draft.title,
    description: '',
    mode: 'practice',
    feedback: 'after-item',
    itemCount: 10,
    timePerItemSeconds: 12,
    moduleTimeSeconds: null,
    passMark: 80,
    attemptsAllowed: null,
    hasLessons: false,
  },
  opensAt: '2026-02-01T08:00:00Z',
  closesAt: null,
};

const otherModulesAssignment: AssignmentView = {
  ...assignment,
  id: '8d3f0a21-6b5c-4d4e-9f30-00000000000a',
  module: { ...assignment.module, id: '8d3f0a21-6b5c-4d4e-9f30-0000000000ff' },
};

const practiceExposure: ModuleExposure = {
  moduleId,
  mode: 'practice',
  poolDocuments: 12,
  poolGenuine: 5,
  poolItemModels: 0,
  need: null,
  unlimited: false,
  cohorts: [],
  overlaps: [
    {
      moduleId: '8d3f0a21-6b5c-4d4e-9f30-0000000000ee',
      title: 'First-line assessment — timed',
      mode: 'assessment',
      cohortId: cohort.id,
      cohortName: cohort.name,
      sharedDocuments: 3,
    },
  ],
};

/** An assessment of 44 documents, two reviewed attempts of 20, assigned to two cohorts. */
const assessmentExposure: ModuleExposure = {
  moduleId,
  mode: 'assessment',
  poolDocuments: 44,
  poolGenuine: 20,
  poolItemModels: 0,
  need: { attempts: 2, draw: 20, genuinePerAttempt: 8, documents: 40, genuine: 16 },
  unlimited: false,
  cohorts: [
    {
      assignmentId: assignment.id,
      cohortId: cohort.id,
      cohortName: cohort.name,
      moduleVersion: 1,
      poolDocuments: 44,
      officers: 12,
      exposedDocuments: 11,
      officersExposed: 3,
      officersShort: 2,
      fewestUnseen: 33,
    },
    {
      assignmentId: otherModulesAssignment.id,
      cohortId: '5c0d7a3e-8b1f-4c2d-9e3f-000000000002',
      cohortName: 'Lahore Intake 2026-B',
      moduleVersion: 1,
      poolDocuments: 44,
      officers: 9,
      exposedDocuments: 0,
      officersExposed: 0,
      officersShort: 0,
      fewestUnseen: 44,
    },
  ],
  overlaps: [
    {
      moduleId: '8d3f0a21-6b5c-4d4e-9f30-0000000000dd',
      title: 'First-line document check — practice',
      mode: 'practice',
      cohortId: cohort.id,
      cohortName: cohort.name,
      sharedDocuments: 1,
    },
  ],
};

/** The module page of an instructor, with the module and this module's assignments as given. */
function setup(
  module: ModuleView,
  assignments: AssignmentView[] = [],
  exposure = practiceExposure,
  more: Record<string, Handler> = {},
) {
  let current = module;
  const api = mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
    [`GET /api/modules/${moduleId}`]: () => json(current),
    [`GET /api/modules/${moduleId}/exposure`]: () => json(exposure),
    [`POST /api/modules/${moduleId}/publish`]: () => {
      current = published;
      return json(published);
    },
    'GET /api/exercises': () => json({ items: [], total: 0, limit: 200, offset: 0 }),
    'GET /api/specimens': () => json({ items: [], total: 0, limit: 200, offset: 0 }),
    'GET /api/cohorts': () => json([cohort]),
    'GET /api/assignments': () => json([...assignments, otherModulesAssignment]),
    'POST /api/assignments': () => {
      assignments.push(assignment);
      return json(assignment, 201);
    },
    [`DELETE /api/assignments/${assignment.id}`]: () => apiError(409, 'The assignment has been started'),
    ...more,
  });
  renderApp(`/app/modules/${moduleId}`);
  return api;
}

describe('module page', () => {
  beforeEach(resetAppState);

  it('a draft cannot be assigned until it is published', async () => {
    setup(draft);
    expect(await screen.findByRole('heading', { level: 1, name: 'First-line drill' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Assign' })).toBeDisabled();
    expect(await screen.findByText('Not assigned yet')).toBeInTheDocument();
  });

  it('publishes the draft as version 1', async () => {
    const api = setup(draft);
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Version 1 published')).toBeInTheDocument();
    expect(api.called(`POST /api/modules/${moduleId}/publish`)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Assign' })).toBeEnabled();
  });

  it('refuses an assignment that closes before it opens', async () => {
    const api = setup(published);
    await userEvent.click(await screen.findByRole('button', { name: 'Assign' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText(/^Cohort/)).toHaveValue(cohort.id);
    await userEvent.type(within(dialog).getByLabelText(/^Closes/), '2020-01-01T08:00');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(within(dialog).getByText('It must close after it opens')).toBeInTheDocument();
    expect(api.called('POST /api/assignments')).toHaveLength(0);
  });

  it('assigns the published version to the only cohort, open from now', async () => {
    const api = setup(published);
    await userEvent.click(await screen.findByRole('button', { name: 'Assign' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Assign' }));
    const table = await screen.findByRole('table', { name: 'Assignments' });
    expect(within(table).getAllByRole('row')).toHaveLength(2); // header + this module's one
    const sent = api.called('POST /api/assignments')[0].body as Record<string, unknown>;
    expect(sent).toMatchObject({ moduleVersionId: versionId, cohortId: cohort.id, closesAt: null });
    expect(Date.parse(sent.opensAt as string)).not.toBeNaN();
  });

  it('shows a practice module’s feedback as what keeps its documents out of assessments', async () => {
    setup(published);
    expect(
      await screen.findByText(/officers who practise it will not meet those documents in an assessment/),
    ).toBeInTheDocument();
    // …and names the assessment of the same cohort whose documents it shows.
    expect(
      screen.getByText(
        'Its feedback shows the truth of 3 documents of “First-line assessment — timed”, the assessment assigned to Islamabad Intake 2026-A: officers who practise it will not meet those documents there.',
      ),
    ).toBeInTheDocument();
  });

  it('shows per assigned cohort how much of an assessment pool its officers have seen, and who is short', async () => {
    setup(
      { ...published, settings: { ...published.settings, mode: 'assessment', feedback: 'after-finish' } },
      [],
      assessmentExposure,
    );
    const panel = await screen.findByTestId('module-exposure');
    expect(
      within(panel).getByText(
        'Each officer needs 40 documents they have not seen (2 attempts × 20, each reviewed afterwards), 16 of them genuine. The pool has 44 (20 genuine).',
      ),
    ).toBeInTheDocument();
    const cohorts = within(within(panel).getByRole('list', { name: 'Assigned cohorts' })).getAllByRole('listitem');
    expect(cohorts).toHaveLength(2);
    expect(
      within(cohorts[0]).getByRole('img', { name: '11 of 44 documents seen by someone in the cohort' }),
    ).toBeInTheDocument();
    expect(within(cohorts[0]).getByText('2 officers have too few unseen documents')).toBeInTheDocument();
    expect(
      within(cohorts[0]).getByText(/3 of 12 officers have seen some of them · fewest unseen: 33/),
    ).toBeInTheDocument();
    expect(within(cohorts[1]).getByText('Every officer can take it')).toBeInTheDocument();
    expect(
      within(panel).getByText(
        '“First-line document check — practice”, practice assigned to Islamabad Intake 2026-A, shows the truth of 1 document of this pool.',
      ),
    ).toBeInTheDocument();
  });

  it('explains why a started assignment cannot be withdrawn', async () => {
    setup(published, [assignment]);
    const table = await screen.findByRole('table', { name: 'Assignments' });
    await userEvent.click(within(table).getByRole('button', { name: `Withdraw from ${cohort.name}` }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Withdraw' }));
    expect(
      await screen.findByText(
        'Someone in the cohort has already started this module, so it can no longer be withdrawn.',
      ),
    ).toBeInTheDocument();
  });
});

const photoModel = {
  id: '8d3f0a21-6b5c-4d4e-9f30-000000000071',
  issuingState: 'UTO',
  documentType: 'TD3' as const,
  fraudType: 'forged:photo-substitution' as const,
  operation: 'photo-substitution' as const,
  subtlety: 0.5,
};
const genuineModel = {
  id: '8d3f0a21-6b5c-4d4e-9f30-000000000072',
  issuingState: 'ARC',
  documentType: 'TD1' as const,
  fraudType: 'genuine' as const,
  subtlety: 0.5,
};
/** A published assessment of 40 documents and two item models. */
const withModels: ModuleView = {
  ...published,
  itemModels: [photoModel, genuineModel],
  settings: { ...published.settings, mode: 'assessment', feedback: 'after-finish', attemptsAllowed: 2 },
};
const modelsExposure: ModuleExposure = {
  ...assessmentExposure,
  poolDocuments: 40,
  poolGenuine: 20,
  poolItemModels: 2,
  cohorts: [],
  overlaps: [],
};
const generation = (over: Partial<ModuleItemModels> = {}): ModuleItemModels => ({
  moduleId,
  moduleVersionId: versionId,
  version: 1,
  buffer: 2,
  officers: 12,
  models: [
    { model: photoModel, ready: 6, generating: 2, used: 4, failed: 0, lastError: null },
    {
      model: genuineModel,
      ready: 0,
      generating: 0,
      used: 11,
      failed: 3,
      lastError: 'The portrait could not be placed on the data page.',
    },
  ],
  ...over,
});
const itemModelsRoute = `GET /api/modules/${moduleId}/item-models`;

describe('module page: item models', () => {
  beforeEach(resetAppState);

  it('counts the item models in the pool exposure control describes', async () => {
    setup(withModels, [], modelsExposure, { [itemModelsRoute]: () => json(generation()) });
    const panel = await screen.findByTestId('module-exposure');
    expect(
      within(panel).getByText(
        /The pool has 40 documents \(20 genuine\) and 2 item models, each making a fresh document for every officer/,
      ),
    ).toBeInTheDocument();
  });

  it('shows per item model the officers’ documents waiting, being generated and used', async () => {
    setup(withModels, [], modelsExposure, { [itemModelsRoute]: () => json(generation()) });
    expect(
      await screen.findByRole('heading', { name: 'Item models — each officer’s own documents' }),
    ).toBeInTheDocument();
    const panel = await screen.findByTestId('module-item-models');
    expect(
      within(panel).getByText(
        'Documents are generated in the background once an assignment opens: one for each of the 12 officers of ' +
          'the open assignments, plus 2 spare per model for late joiners and further attempts, topped up as ' +
          'officers start.',
      ),
    ).toBeInTheDocument();
    const [photo, genuine] = within(within(panel).getByRole('list', { name: 'Item models of version 1' })).getAllByRole(
      'listitem',
    );
    expect(within(photo).getByText('Utopia (UTO) · TD3 — Passport · Forged — photo substitution')).toBeInTheDocument();
    expect(within(photo).getByRole('img', { name: '6 waiting · 2 being generated · 4 used' })).toBeInTheDocument();
    expect(within(photo).getByText('Generating')).toBeInTheDocument();
    expect(within(photo).queryByRole('alert')).toBeNull();
    expect(within(genuine).getByText('3 failed')).toBeInTheDocument();
  });

  it('says plainly when a model’s documents could not be generated, and why', async () => {
    setup(withModels, [], modelsExposure, { [itemModelsRoute]: () => json(generation()) });
    const panel = await screen.findByTestId('module-item-models');
    const alert = within(panel).getByRole('alert');
    expect(alert).toHaveTextContent(
      '3 documents of this model could not be generated: The portrait could not be placed on the data page. ' +
        'The assignment stays usable: officers draw the pool’s other items meanwhile.',
    );
  });

  it('says when no officer is assigned the version yet', async () => {
    setup(withModels, [], modelsExposure, {
      [itemModelsRoute]: () =>
        json(
          generation({
            officers: 0,
            models: [{ model: photoModel, ready: 0, generating: 0, used: 0, failed: 0, lastError: null }],
          }),
        ),
    });
    const panel = await screen.findByTestId('module-item-models');
    expect(within(panel).getByText(/No open assignment has officers yet/)).toBeInTheDocument();
    expect(within(panel).getByText('None waiting')).toBeInTheDocument();
  });

  it('is not shown for a module without item models', async () => {
    const api = setup(published, [], practiceExposure, { [itemModelsRoute]: () => json(generation()) });
    await screen.findByTestId('module-exposure');
    expect(screen.queryByRole('heading', { name: 'Item models — each officer’s own documents' })).toBeNull();
    expect(api.called(itemModelsRoute)).toHaveLength(0);
  });

  it('follows generation every 5 seconds while documents are being generated, and only then', () => {
    const interval = getModuleItemModelsQueryOptions(moduleId, versionId).refetchInterval as (query: {
      state: { data?: ModuleItemModels };
    }) => number | false;
    expect(interval({ state: { data: generation() } })).toBe(5000);
    const done = generation();
    done.models = done.models.map((m) => ({ ...m, generating: 0 }));
    expect(interval({ state: { data: done } })).toBe(false);
    expect(interval({ state: {} })).toBe(false);
  });
});
