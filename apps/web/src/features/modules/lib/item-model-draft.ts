// An item model being added in the module form (state, document, forgery, field, subtlety, questions), the
// ItemModelSpec it becomes, and the words a saved one is listed with.
import type { ExerciseParts, ItemModelSpec } from '@firstline/contracts';
import type { TFunction } from 'i18next';
import { changeForgeChoice, INITIAL_FORGE_CHOICE, operationOf, type ForgeChoice } from '@/lib/forge-choice';
import { fraudTypeKey } from '@/lib/taxonomy-keys';

export interface ItemModelDraft extends ForgeChoice {
  issuingState: string;
  subtlety: number;
  /** null: the questions every forged exercise asks (the server's default). */
  parts: ExerciseParts | null;
}

/** What a forged exercise asks (the server's default), where the form starts when other questions are chosen. */
export const FORGED_EXERCISE_PARTS: ExerciseParts = {
  locate: { maxPoints: 3 },
  fraudType: true,
  features: true,
  mrz: true,
};

export const initialItemModelDraft = (): ItemModelDraft => ({ ...INITIAL_FORGE_CHOICE, parts: null });

export const changeItemModelDraft = (draft: ItemModelDraft, change: Partial<ItemModelDraft>): ItemModelDraft =>
  changeForgeChoice(draft, change);

/**
 * The model as the API takes it: the operation named even when left to its default (the list then says which), a
 * target only when one was chosen (else every document draws its own), parts only when not the default.
 */
export function itemModelSpec(draft: ItemModelDraft): ItemModelSpec {
  const operation = operationOf(draft);
  return {
    issuingState: draft.issuingState,
    documentType: draft.documentType,
    fraudType: draft.fraudType,
    ...(operation ? { operation } : {}),
    ...(draft.target ? { target: draft.target } : {}),
    subtlety: draft.subtlety,
    ...(draft.parts ? { parts: draft.parts } : {}),
  };
}

/** The questions a model's documents ask, in words. */
export function partsWords(t: TFunction, parts: ExerciseParts | undefined): string {
  if (!parts) return t('modules.itemModels.defaultParts');
  const asked = [
    parts.locate && t('modules.itemModels.locateUpTo', { count: parts.locate.maxPoints }),
    parts.fraudType && t('exercises.parts.fraudType'),
    parts.features && t('exercises.parts.features'),
    parts.mrz && t('exercises.parts.mrz'),
  ].filter((w): w is string => Boolean(w));
  return asked.length ? asked.join(' · ') : t('modules.itemModels.decisionOnly');
}

/** One line naming a model: state, document type, fraud type and operation. */
export function itemModelName(t: TFunction, model: ItemModelSpec): string {
  const what = [
    t(`taxonomy.state.${model.issuingState}`, { defaultValue: model.issuingState }),
    t(`taxonomy.documentType.${model.documentType}`),
    t(fraudTypeKey(model.fraudType)),
  ];
  return what.join(' · ');
}
