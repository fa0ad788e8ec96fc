// Assign the module's latest published version to a cohort, open from a date-time and optionally closing at one.
import { CreateAssignmentRequest, type CohortView, type ModuleView } from '@firstline/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, SelectField, TextField } from '@/components/ui';
import { FormDialog } from '@/components/ui/form-dialog';
import { useResetOnOpen } from '@/hooks/use-reset-on-open';
import type { FieldErrors } from '@/lib/validation';
import { useCreateAssignment } from '../api/assignments';
import { toIso, toLocalInput } from '../lib/local-date-time';

export function AssignDialog({
  open,
  onClose,
  module,
  cohorts,
}: {
  open: boolean;
  onClose: () => void;
  module: ModuleView;
  cohorts: CohortView[];
}) {
  const { t } = useTranslation();
  const create = useCreateAssignment();
  const [cohortId, setCohortId] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  useResetOnOpen(open, () => {
    const now = new Date();
    now.setSeconds(0, 0);
    setCohortId(cohorts.length === 1 ? cohorts[0].id : '');
    setOpensAt(toLocalInput(now));
    setClosesAt('');
    setErrors({});
    create.reset();
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!module.publishedVersion) return;
    const parsed = CreateAssignmentRequest.safeParse({
      moduleVersionId: module.publishedVersion.id,
      cohortId,
      opensAt: toIso(opensAt),
      closesAt: toIso(closesAt),
    });
    if (!parsed.success) {
      const messages: Record<string, string> = {
        cohortId: t('modules.assign.errors.cohort'),
        opensAt: t('modules.assign.errors.opensAt'),
        closesAt: t('modules.assign.errors.closesAt'),
      };
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '_form');
        next[key] ??= messages[key] ?? t('errors.checkField');
      }
      return setErrors(next);
    }
    setErrors({});
    create.mutate(parsed.data, { onSuccess: onClose });
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t('modules.assign.title', { title: module.title })}
      description={
        module.publishedVersion ? t('modules.assign.hint', { version: module.publishedVersion.version }) : undefined
      }
      formId="assign-form"
      onSubmit={onSubmit}
      submitLabel={t('modules.assign.submit')}
      isSubmitting={create.isPending}
      banner={<ErrorBanner error={create.error} />}
    >
      <SelectField
        label={t('modules.assign.cohort')}
        value={cohortId}
        onChange={(e) => setCohortId(e.target.value)}
        options={cohorts.map((c) => ({ value: c.id, label: `${c.name} (${c.unitName})` }))}
        placeholder={t('common.choose')}
        error={errors.cohortId}
        required
        data-autofocus
      />
      <div className="fl-form__row">
        <TextField
          type="datetime-local"
          label={t('modules.assign.opensAt')}
          value={opensAt}
          onChange={(e) => setOpensAt(e.target.value)}
          error={errors.opensAt}
          required
        />
        <TextField
          type="datetime-local"
          label={t('modules.assign.closesAt')}
          hint={t('modules.assign.closesAtHint')}
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
          error={errors.closesAt}
        />
      </div>
    </FormDialog>
  );
}
