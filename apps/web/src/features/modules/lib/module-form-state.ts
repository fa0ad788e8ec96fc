// The module form's state: text as typed in the fields, from a module (or blank) and back to the ModuleInput the
// API takes.
import {
  DEFAULT_ITEM_SECONDS,
  type FeedbackPolicy,
  type ItemModelSpec,
  type ModuleMode,
  type ModuleView,
} from '@firstline/contracts';

export interface ModuleFormState {
  title: string;
  description: string;
  lessonSpecimenIds: string[];
  exerciseIds: string[];
  /** Assessments only; a saved model keeps its id (item analysis reports the model by it). */
  itemModels: ItemModelSpec[];
  mode: ModuleMode;
  feedback: FeedbackPolicy;
  timePerItemSeconds: string;
  moduleTimeMinutes: string;
  drawCount: string;
  minGenuinePercent: string;
  passMark: string;
  attemptsAllowed: string;
}

export function initialModuleState(module?: ModuleView | null): ModuleFormState {
  if (!module) {
    return {
      title: '',
      description: '',
      lessonSpecimenIds: [],
      exerciseIds: [],
      itemModels: [],
      mode: 'practice',
      feedback: 'after-item',
      timePerItemSeconds: String(DEFAULT_ITEM_SECONDS),
      moduleTimeMinutes: '',
      drawCount: '',
      minGenuinePercent: '0',
      passMark: '80',
      attemptsAllowed: '',
    };
  }
  const settings = module.settings;
  return {
    title: module.title,
    description: module.description,
    lessonSpecimenIds: module.lessonSpecimenIds,
    exerciseIds: module.exerciseIds,
    itemModels: module.itemModels,
    mode: settings.mode,
    feedback: settings.feedback,
    timePerItemSeconds: String(settings.timePerItemSeconds),
    moduleTimeMinutes:
      settings.moduleTimeSeconds === null ? '' : String(Math.round((settings.moduleTimeSeconds / 60) * 100) / 100),
    drawCount: settings.drawCount === null ? '' : String(settings.drawCount),
    minGenuinePercent: String(Math.round(settings.minGenuineShare * 1000) / 10),
    passMark: String(settings.passMark),
    attemptsAllowed: settings.attemptsAllowed === null ? '' : String(settings.attemptsAllowed),
  };
}

/** Items an attempt can draw from: the exercises and the item models. */
export const poolSize = (form: Pick<ModuleFormState, 'exerciseIds' | 'itemModels'>) =>
  form.exerciseIds.length + form.itemModels.length;

/** The API refuses item models in a practice module (practice shows the truth of each document it draws). */
export const practiceWithItemModels = (form: Pick<ModuleFormState, 'mode' | 'itemModels'>) =>
  form.mode === 'practice' && form.itemModels.length > 0;

/** Practice gives feedback after each item; an assessment after finishing, or never. */
export function feedbackOptionsFor(mode: ModuleMode): FeedbackPolicy[] {
  return mode === 'practice' ? ['after-item'] : ['after-finish', 'never'];
}

/** A number typed in a field (a decimal comma taken as a point); NaN when blank, so the schema names the field. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const optionalNum = (text: string) => (text.trim() === '' ? null : num(text));

/** The form's values as the API's ModuleInput (not yet validated). */
export function toModuleInput(form: ModuleFormState) {
  const minutes = optionalNum(form.moduleTimeMinutes);
  return {
    title: form.title,
    description: form.description,
    lessonSpecimenIds: form.lessonSpecimenIds,
    exerciseIds: form.exerciseIds,
    itemModels: form.itemModels,
    settings: {
      mode: form.mode,
      feedback: form.feedback,
      timePerItemSeconds: num(form.timePerItemSeconds),
      moduleTimeSeconds: minutes === null ? null : Math.round(minutes * 60),
      drawCount: optionalNum(form.drawCount),
      minGenuineShare: num(form.minGenuinePercent) / 100,
      passMark: num(form.passMark),
      attemptsAllowed: optionalNum(form.attemptsAllowed),
    },
  };
}
