// The signed-out frame: a brand panel stating what FirstLine is for, and the form beside it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckCircleIcon, Guilloche, LanguagePicker, Logo } from '@/components/ui';
import { useChangeLanguage } from '@/lib/auth';

export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useChangeLanguage();
  return (
    <div className="fl-auth">
      <aside className="fl-auth__brand">
        <Guilloche className="fl-auth__guilloche" />
        <div className="fl-auth__brand-inner">
          <Logo size={40} />
          <p className="fl-auth__product">{t('app.name')}</p>
          <p className="fl-auth__purpose">{t('app.purpose')}</p>
          <ul className="fl-auth__points">
            {(['study', 'decide', 'measure'] as const).map((k) => (
              <li key={k}>
                <CheckCircleIcon size={20} />
                <span>{t(`login.points.${k}`)}</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="fl-auth__notice">{t('login.notice')}</p>
      </aside>
      <main className="fl-auth__main" id="main">
        <div className="fl-auth__toolbar">
          <LanguagePicker value={lang.language} onChange={lang.change} />
        </div>
        <div className="fl-auth__content">{children}</div>
        <p className="fl-auth__help">{t('login.help')}</p>
      </main>
    </div>
  );
}
