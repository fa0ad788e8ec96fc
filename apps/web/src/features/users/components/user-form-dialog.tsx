// Create a user, or edit one's name, role, unit, service number, language and whether the account is active.
import {
  CreateUserRequest,
  LANGUAGES,
  ROLES,
  UpdateUserRequest,
  type Language,
  type Role,
  type UnitView,
  type UserView,
} from '@firstline/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Checkbox, SelectField, TextField } from '@/components/ui';
import { FormDialog } from '@/components/ui/form-dialog';
import { useResetOnOpen } from '@/hooks/use-reset-on-open';
import { describeError } from '@/lib/errors';
import { LANGUAGE_NAMES } from '@/lib/i18n';
import { blankToNull, validate, type FieldErrors } from '@/lib/validation';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';

interface FormState {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  serviceNumber: string;
  language: Language;
  password: string;
  active: boolean;
}

const empty: FormState = {
  username: '',
  displayName: '',
  role: 'trainee',
  unitId: '',
  serviceNumber: '',
  language: 'en',
  password: '',
  active: true,
};

export function UserFormDialog({
  open,
  onClose,
  user,
  units,
}: {
  open: boolean;
  onClose: () => void;
  /** The user to edit; absent to create one. */
  user?: UserView | null;
  units: UnitView[];
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [form, setForm] = useState<FormState>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});

  useResetOnOpen(
    open,
    () => {
      setErrors({});
      create.reset();
      update.reset();
      setForm(
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              unitId: user.unitId ?? '',
              serviceNumber: user.serviceNumber ?? '',
              language: user.language,
              password: '',
              active: user.active,
            }
          : empty,
      );
    },
    user?.id,
  );

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // An edited field's old error no longer applies (a role change may settle the unit error too).
    setErrors(({ [key]: _gone, ...rest }) => (key === 'role' ? { ...rest, unitId: undefined } : rest));
  };

  const messages = {
    username: t('users.errors.username'),
    displayName: t('users.errors.displayName'),
    role: t('users.errors.role'),
    unitId: t('users.errors.unit'),
    serviceNumber: t('users.errors.serviceNumber'),
    password: t('users.errors.password'),
    language: t('errors.checkField'),
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const common = {
      displayName: form.displayName,
      role: form.role,
      unitId: blankToNull(form.unitId),
      serviceNumber: blankToNull(form.serviceNumber),
      language: form.language,
    };
    // Only administrators may be outside every unit (the API says the same; saying it here saves a round trip).
    const unitError: FieldErrors =
      form.role !== 'admin' && !common.unitId ? { unitId: t('users.errors.unitRequired') } : {};
    if (user) {
      const result = validate(
        UpdateUserRequest,
        { ...common, active: form.active, ...(form.password ? { password: form.password } : {}) },
        messages,
        t('errors.checkField'),
      );
      if (result.errors || unitError.unitId) return setErrors({ ...result.errors, ...unitError });
      setErrors({});
      update.mutate({ id: user.id, ...result.data }, { onSuccess: onClose });
    } else {
      const result = validate(
        CreateUserRequest,
        { ...common, username: form.username, password: form.password },
        messages,
        t('errors.checkField'),
      );
      if (result.errors || unitError.unitId) return setErrors({ ...result.errors, ...unitError });
      setErrors({});
      create.mutate(result.data, { onSuccess: onClose });
    }
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      size="lg"
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      description={user ? undefined : t('users.createHint')}
      formId="user-form"
      onSubmit={onSubmit}
      submitLabel={user ? t('common.save') : t('users.create')}
      isSubmitting={mutation.isPending}
      banner={
        mutation.error && (
          <Banner tone="danger">{describeError(t, mutation.error, { 409: t('users.errors.taken') })}</Banner>
        )
      }
    >
      <div className="fl-form__row">
        <TextField
          label={t('users.name')}
          value={form.displayName}
          onChange={(e) => set('displayName', e.target.value)}
          error={errors.displayName}
          required
          data-autofocus
        />
        {user ? (
          <TextField
            label={t('users.username')}
            value={form.username}
            readOnly
            dir="ltr"
            hint={t('users.usernameFixed')}
          />
        ) : (
          <TextField
            label={t('users.username')}
            hint={t('users.usernameHint')}
            value={form.username}
            onChange={(e) => set('username', e.target.value)}
            error={errors.username}
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            required
          />
        )}
      </div>
      <div className="fl-form__row">
        <SelectField
          label={t('users.role')}
          value={form.role}
          onChange={(e) => set('role', e.target.value as Role)}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={errors.role}
          required
        />
        <SelectField
          label={t('units.unit')}
          value={form.unitId}
          onChange={(e) => set('unitId', e.target.value)}
          options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
          placeholder={t('users.noUnit')}
          error={errors.unitId}
        />
      </div>
      <div className="fl-form__row">
        <TextField
          label={t('users.serviceNumber')}
          hint={t('users.serviceNumberHint')}
          value={form.serviceNumber}
          onChange={(e) => set('serviceNumber', e.target.value)}
          error={errors.serviceNumber}
          dir="ltr"
        />
        <SelectField
          label={t('language.label')}
          value={form.language}
          onChange={(e) => set('language', e.target.value as Language)}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
      </div>
      <TextField
        type="password"
        autoComplete="new-password"
        label={user ? t('users.newPassword') : t('users.initialPassword')}
        hint={user ? t('users.newPasswordHint') : t('users.passwordHint')}
        value={form.password}
        onChange={(e) => set('password', e.target.value)}
        error={errors.password}
        required={!user}
        dir="ltr"
      />
      {user && (
        <Checkbox
          label={t('users.activeLabel')}
          hint={t('users.activeHint')}
          checked={form.active}
          onChange={(e) => set('active', e.target.checked)}
        />
      )}
    </FormDialog>
  );
}
