// Sign-in form. Whatever went wrong, the message never says whether it was the username or the password.
import type { UserView } from '@firstline/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Button, Field } from '@/components/ui';
import { ApiError } from '@/lib/api-client';
import { useLogin } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { checkCredentials } from '../lib/check-credentials';

type FieldErrors = Partial<Record<'username' | 'password', string>>;

export function LoginForm({ onSuccess }: { onSuccess: (user: UserView) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [failures, setFailures] = useState(0);

  // After a failed attempt the fields are enabled again on the next render: then move to the password.
  useEffect(() => {
    if (failures > 0) passwordRef.current?.focus();
  }, [failures]);

  const submitError = (() => {
    const error = login.error;
    if (!error) return null;
    if (error instanceof ApiError && (error.status === 401 || error.status === 400)) return t('login.invalid');
    if (error instanceof ApiError && error.status === 429) {
      const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
      return minutes ? t('login.tooManyMinutes', { count: minutes }) : t('login.tooMany');
    }
    return describeError(t, error);
  })();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const checked = checkCredentials({ username, password });
    if (!checked.data) {
      const errors: FieldErrors = {};
      if (checked.invalid.includes('username')) errors.username = t('login.usernameRequired');
      if (checked.invalid.includes('password')) errors.password = t('login.passwordRequired');
      setFieldErrors(errors);
      (errors.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    login.mutate(checked.data, {
      onSuccess: (session) => onSuccess(session.user),
      onError: () => {
        setPassword('');
        setFailures((n) => n + 1);
      },
    });
  }

  return (
    <form
      className="fl-form fl-login-form"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={submitError ? 'login-error' : undefined}
    >
      {submitError && (
        <div id="login-error">
          <Banner tone="danger" title={t('login.failedTitle')}>
            {submitError}
          </Banner>
        </div>
      )}
      <Field label={t('login.username')} error={fieldErrors.username}>
        {(control) => (
          <input
            {...control}
            ref={usernameRef}
            className="fl-input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            dir="ltr"
            value={username}
            disabled={login.isPending}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('login.password')} error={fieldErrors.password}>
        {(control) => (
          <div className="fl-input-group">
            <input
              {...control}
              ref={passwordRef}
              className="fl-input"
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              dir="ltr"
              value={password}
              disabled={login.isPending}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button
              type="button"
              className="fl-input-group__addon"
              aria-pressed={showPassword}
              aria-controls={control.id}
              onClick={() => setShowPassword((s) => !s)}
            >
              {showPassword ? t('login.hidePassword') : t('login.showPassword')}
            </button>
          </div>
        )}
      </Field>
      <Button type="submit" size="lg" className="fl-button--block" isLoading={login.isPending}>
        {login.isPending ? t('login.signingIn') : t('login.submit')}
      </Button>
    </form>
  );
}
