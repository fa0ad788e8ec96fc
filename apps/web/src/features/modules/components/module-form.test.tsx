import type { ExerciseSummary, ModuleView, SpecimenSummary } from '@firstline/contracts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAppState } from '@/testing/test-utils';
import { ModuleForm } from './module-form';

const id = (n: number) => `7c2e9d10-5a4b-4c3d-8e2f-${String(n).padStart(12, '0')}`;
function exercise(
  n: number,
  title: string,
  fraudType: ExerciseSummary['fraudType'],
  documentType: ExerciseSummary['documentType'] = 'TD3',
): ExerciseSummary {
  return {
    id: id(n),
    unitId: id(90),
    versionId: id(100 + n),
    version: 1,
    title,
    issuingState: 'UTO',
    documentType,
    difficulty: 2,
    tags: [],
    facility: null,
    verdict: fraudType === 'genuine' ? 'genuine' : 'fraudulent',
    fraudType,
    responseCount: 0,
    exposures: 0,
    useCount: 0,
    retiredAt: null,
    updatedAt: '2026-01-05T08:00:00Z',
  };
}
const exercises = [
  exercise(1, 'Utopia passport — clean', 'genuine'),
  exercise(2, 'Utopia passport — new photo', 'forged:photo-substitution'),
  exercise(3, 'Utopia ID — reproduction', 'counterfeit', 'TD1'),
  exercise(4, 'Utopia ID — clean', 'genuine', 'TD1'),
];
const specimens: SpecimenSummary[] = [
  {
    id: id(50),
    title: 'Utopia passport 2021',
    issuingState: 'UTO',
    documentType: 'TD3',
    series: '',
    year: 2021,
    imageCount: 4,
    featureCount: 9,
    thumbnail: null,
    updatedAt: '2026-01-01T00:00:00Z',
  },
];

function setup(module?: ModuleView) {
  const onSubmit = vi.fn();
  const form = (
    <ModuleForm
      module={module}
      exercises={exercises}
      specimens={specimens}
      onSubmit={onSubmit}
      submitLabel={module ? 'Save draft' : 'Create draft'}
    />
  );
  // A saved draft's form guards unsaved changes, which needs a data router.
  if (module) render(<RouterProvider router={createMemoryRouter([{ path: '/', element: form }])} />);
  else render(form);
  return { onSubmit, feedback: () => screen.getByLabelText('Feedback') as HTMLSelectElement };
}
const options = (select: HTMLSelectElement) => Array.from(select.options).map((o) => o.textContent);

describe('module form', () => {
  beforeEach(resetAppState);

  it('forces feedback after each item in practice; an assessment offers after finishing or never', async () => {
    const { feedback } = setup();
    expect(screen.getByLabelText('Mode')).toHaveValue('practice');
    expect(feedback()).toHaveValue('after-item');
    expect(feedback()).toBeDisabled();
    expect(options(feedback())).toEqual(['After each item']);

    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    expect(feedback()).toHaveValue('after-finish');
    expect(feedback()).toBeEnabled();
    expect(options(feedback())).toEqual(['After finishing', 'Never']);
    await userEvent.selectOptions(feedback(), 'never');

    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'practice');
    expect(feedback()).toHaveValue('after-item');
  });

  it('the drill preset sets 12 seconds per item', async () => {
    setup();
    const time = screen.getByLabelText('Time per item (seconds)');
    expect(time).toHaveValue('60');
    await userEvent.click(screen.getByRole('button', { name: '12-second drill' }));
    expect(time).toHaveValue('12');
  });

  it('filters the pool and counts genuine vs fraudulent among the chosen exercises', async () => {
    setup();
    await userEvent.selectOptions(screen.getByLabelText('Document type'), 'TD1');
    const table = screen.getByRole('table', { name: 'Exercise pool' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[1].textContent),
    ).toEqual(['Utopia ID — reproduction', 'Utopia ID — clean']);
    await userEvent.click(screen.getByRole('button', { name: 'Add all 2 shown' }));
    expect(screen.getByText('2 exercises in the pool')).toBeInTheDocument();
    expect(screen.getByText('1 genuine')).toBeInTheDocument();
    expect(screen.getByText('1 fraudulent')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Document type'), '');
    await userEvent.selectOptions(screen.getByLabelText('Fraud type'), 'forged:photo-substitution');
    expect(within(screen.getByRole('table', { name: 'Exercise pool' })).getAllByRole('row')).toHaveLength(2);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include Utopia passport — new photo' }));
    expect(screen.getByText('2 fraudulent')).toBeInTheDocument();
  });

  it('offers no retired exercise, but lists one the draft still holds, marked, so it can be taken out', async () => {
    const retired = {
      ...exercise(5, 'Utopia passport — old stamp', 'forged:visa-or-stamp'),
      retiredAt: '2026-12-01T00:00:00Z',
    };
    const gone = {
      ...exercise(6, 'Utopia passport — old photo', 'forged:photo-substitution'),
      retiredAt: '2026-12-01T00:00:00Z',
    };
    const draft = {
      id: id(90),
      unitId: null,
      title: 'Stamp drill',
      description: '',
      lessonSpecimenIds: [],
      exerciseIds: [exercises[0].id, retired.id],
      itemModels: [],
      settings: {
        mode: 'practice' as const,
        feedback: 'after-item' as const,
        timePerItemSeconds: 12,
        moduleTimeSeconds: null,
        drawCount: null,
        minGenuineShare: 0,
        passMark: 80,
        attemptsAllowed: null,
      },
      publishedVersion: null,
      hasUnpublishedChanges: true,
      updatedAt: '2026-12-01T00:00:00Z',
    };
    // A saved draft's form guards unsaved changes, which needs a data router.
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <ModuleForm
            module={draft}
            exercises={[...exercises, retired, gone]}
            specimens={specimens}
            onSubmit={vi.fn()}
            submitLabel="Save draft"
          />
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    const table = screen.getByRole('table', { name: 'Exercise pool' });
    expect(within(table).queryByText('Utopia passport — old photo')).not.toBeInTheDocument();
    const row = within(table).getByText('Utopia passport — old stamp').closest('tr') as HTMLElement;
    expect(within(row).getByText('Retired')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('checkbox'));
    expect(screen.getByText('1 exercise in the pool')).toBeInTheDocument();
  });

  it('names each exercise’s fraud type in words, in the pool and in its filter', async () => {
    setup();
    const table = screen.getByRole('table', { name: 'Exercise pool' });
    expect(within(table).getByText('Forged — photo substitution')).toBeInTheDocument();
    expect(options(screen.getByLabelText('Fraud type') as HTMLSelectElement)).toContain('Forged — photo substitution');
  });

  it('builds the ModuleInput the API takes', async () => {
    const { onSubmit } = setup();
    await userEvent.type(screen.getByLabelText(/^Title/), 'Photo substitution — assessment');
    await userEvent.type(screen.getByLabelText('Description'), 'Ten seconds a document.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Utopia passport 2021 (UTO · TD3)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include Utopia passport — clean' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include Utopia passport — new photo' }));
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    await userEvent.selectOptions(screen.getByLabelText('Feedback'), 'never');
    await userEvent.click(screen.getByRole('button', { name: '12-second drill' }));
    await userEvent.type(screen.getByLabelText('Time for the whole module (minutes)'), '10');
    await userEvent.type(screen.getByLabelText('Items drawn per attempt'), '2');
    await userEvent.clear(screen.getByLabelText('Minimum share of genuine documents (%)'));
    await userEvent.type(screen.getByLabelText('Minimum share of genuine documents (%)'), '50');
    await userEvent.clear(screen.getByLabelText('Pass mark (%)'));
    await userEvent.type(screen.getByLabelText('Pass mark (%)'), '75');
    await userEvent.type(screen.getByLabelText('Attempts allowed'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    expect(onSubmit).toHaveBeenCalledWith({
      title: 'Photo substitution — assessment',
      description: 'Ten seconds a document.',
      lessonSpecimenIds: [id(50)],
      exerciseIds: [id(1), id(2)],
      itemModels: [],
      settings: {
        mode: 'assessment',
        feedback: 'never',
        timePerItemSeconds: 12,
        moduleTimeSeconds: 600,
        drawCount: 2,
        minGenuineShare: 0.5,
        passMark: 75,
        attemptsAllowed: 2,
      },
    });
  });

  it('says what is missing instead of sending', async () => {
    const { onSubmit } = setup();
    await userEvent.type(screen.getByLabelText('Items drawn per attempt'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(screen.getByText('Enter a title (up to 160 characters)')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one exercise for the pool')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText(/^Title/), 'Drill');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include Utopia passport — clean' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(screen.getByText('The pool has only 1 exercise')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

const SAVED_MODEL = {
  id: id(70),
  issuingState: 'ARC',
  documentType: 'TD1' as const,
  fraudType: 'counterfeit' as const,
  operation: 'counterfeit' as const,
  subtlety: 0.3,
};
/** A saved assessment draft with one exercise and one item model. */
const assessment: ModuleView = {
  id: id(91),
  unitId: null,
  title: 'Own documents — assessment',
  description: '',
  lessonSpecimenIds: [],
  exerciseIds: [id(1)],
  itemModels: [SAVED_MODEL],
  settings: {
    mode: 'assessment',
    feedback: 'never',
    timePerItemSeconds: 60,
    moduleTimeSeconds: null,
    drawCount: null,
    minGenuineShare: 0,
    passMark: 80,
    attemptsAllowed: 1,
  },
  publishedVersion: null,
  hasUnpublishedChanges: true,
  updatedAt: '2026-12-01T00:00:00Z',
};

const editor = () => screen.getByTestId('item-models-editor');
const modelRows = () =>
  within(within(editor()).getByRole('table', { name: 'Item models in the pool' })).getAllByRole('row');
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('module form: item models', () => {
  beforeEach(resetAppState);

  it('offers item models only to an assessment', async () => {
    setup();
    expect(screen.queryByTestId('item-models-editor')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    expect(screen.getByRole('heading', { name: 'Item models' })).toBeInTheDocument();
    expect(within(editor()).getByText(/No item models yet/)).toBeInTheDocument();
  });

  it('offers the operations of the fraud type, a field only where the operation changes one', async () => {
    setup();
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    const add = within(editor());
    await userEvent.selectOptions(add.getByLabelText('Fraud type'), 'forged:data-alteration');
    expect(options(add.getByLabelText('Forgery operation') as HTMLSelectElement)).toEqual([
      'Alter a printed field',
      'Scrub and retype a field',
      'Tamper with the MRZ',
    ]);
    await userEvent.selectOptions(add.getByLabelText('Forgery operation'), 'tamper-mrz');
    expect(options(add.getByLabelText('Field changed') as HTMLSelectElement)).toEqual([
      'Any field (drawn per document)',
      'Document number',
      'Date of birth',
      'Date of expiry',
    ]);
    await userEvent.selectOptions(add.getByLabelText('Fraud type'), 'genuine');
    expect(add.queryByLabelText('Forgery operation')).toBeNull();
    expect(add.queryByLabelText('Field changed')).toBeNull();
    expect(add.getByText('A genuine document: no forgery operation, no tampered regions.')).toBeInTheDocument();
  });

  it('keeps page and stamp forgeries on passports', async () => {
    setup();
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    const add = within(editor());
    await userEvent.selectOptions(add.getByLabelText('Document type'), 'TD1');
    await userEvent.selectOptions(add.getByLabelText('Fraud type'), 'forged:visa-or-stamp');
    expect(add.getByLabelText('Document type')).toHaveValue('TD3');
    expect(options(add.getByLabelText('Document type') as HTMLSelectElement)).toEqual(['TD3 — Passport']);
  });

  it('adds an item model and lists it with its state, document, forgery, field, subtlety and questions', async () => {
    setup();
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    const add = within(editor());
    await userEvent.selectOptions(add.getByLabelText('Issuing state'), 'BRG');
    await userEvent.selectOptions(add.getByLabelText('Fraud type'), 'forged:data-alteration');
    await userEvent.selectOptions(add.getByLabelText('Forgery operation'), 'alter-data');
    await userEvent.selectOptions(add.getByLabelText('Field changed'), 'surname');
    fireEvent.change(add.getByLabelText('Subtlety'), { target: { value: '0.8' } });
    await userEvent.click(add.getByRole('button', { name: 'Add item model' }));

    const [, row] = modelRows();
    expect(cellsOf(row).slice(0, 6)).toEqual([
      '1',
      'Borgundia (BRG) · TD3 — Passport',
      'Forged — data alteration / erasureAlter a printed field',
      'Surname',
      '80 % careful',
      'The forged exercises’ usual questions',
    ]);
    expect(screen.getByText('1 item model')).toBeInTheDocument();
    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Remove item model 1: Borgundia (BRG) · TD3 — Passport · Forged — data alteration / erasure',
      }),
    );
    expect(within(editor()).queryByRole('table')).toBeNull();
  });

  it('asks the usual questions unless others are chosen', async () => {
    const { onSubmit } = setup(assessment);
    const add = within(editor());
    await userEvent.click(add.getByRole('checkbox', { name: 'Ask other questions than the usual ones' }));
    expect(add.getByRole('checkbox', { name: 'MRZ check digits' })).toBeChecked();
    expect(add.getByLabelText('Points the trainee may mark')).toHaveValue(3);
    await userEvent.click(add.getByRole('checkbox', { name: 'MRZ check digits' }));
    await userEvent.click(add.getByRole('button', { name: 'Add item model' }));
    expect(cellsOf(modelRows()[2])[5]).toBe('Locate (up to 3 points) · Fraud type · Compromised features');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit.mock.calls[0][0].itemModels[1].parts).toEqual({
      locate: { maxPoints: 3 },
      fraudType: true,
      features: true,
      mrz: false,
    });
  });

  it('builds the ModuleInput with the item models, the saved ones keeping their ids', async () => {
    const { onSubmit } = setup(assessment);
    expect(cellsOf(modelRows()[1]).slice(1, 3)).toEqual([
      'Arcadia (ARC) · TD1 — ID card',
      'Counterfeit — entire reproductionCounterfeit (whole document)',
    ]);
    const add = within(editor());
    await userEvent.selectOptions(add.getByLabelText('Fraud type'), 'genuine');
    await userEvent.click(add.getByRole('button', { name: 'Add item model' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const input = onSubmit.mock.calls[0][0];
    expect(input.exerciseIds).toEqual([id(1)]);
    expect(input.itemModels).toEqual([
      SAVED_MODEL,
      { issuingState: 'UTO', documentType: 'TD3', fraudType: 'genuine', subtlety: 0.5 },
    ]);
  });

  it('takes a pool of item models alone', async () => {
    const { onSubmit } = setup({ ...assessment, exerciseIds: [] });
    await userEvent.type(screen.getByLabelText('Items drawn per attempt'), '1');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ exerciseIds: [], itemModels: [SAVED_MODEL] });
  });

  it('counts the item models in what a draw can take', async () => {
    const { onSubmit } = setup(assessment);
    expect(
      screen.getByText('Optional; empty uses the whole pool (2 items: exercises and item models), shuffled.'),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Items drawn per attempt'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(screen.getByText('The pool has only 2 items (exercises and item models)')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText('Items drawn per attempt'));
    await userEvent.type(screen.getByLabelText('Items drawn per attempt'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('asks for an exercise or an item model when the pool is empty', async () => {
    const { onSubmit } = setup();
    await userEvent.type(screen.getByLabelText(/^Title/), 'Own documents');
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'assessment');
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(screen.getByText('Choose at least one exercise for the pool, or add an item model')).toBeInTheDocument();
    await userEvent.click(within(editor()).getByRole('button', { name: 'Add item model' }));
    expect(screen.queryByText('Choose at least one exercise for the pool, or add an item model')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('says a practice module cannot hold item models, and sends nothing until they are gone', async () => {
    const { onSubmit } = setup(assessment);
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'practice');
    expect(
      screen.getByText('A practice module cannot draw item models: switch back to Assessment, or remove them.'),
    ).toBeInTheDocument();
    expect(within(editor()).getByRole('status')).toHaveTextContent('Item models belong in assessments');
    expect(within(editor()).queryByRole('button', { name: 'Add item model' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.click(within(editor()).getByRole('button', { name: /^Remove item model 1/ }));
    expect(screen.queryByTestId('item-models-editor')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ itemModels: [], settings: { mode: 'practice' } });
  });
});
