// The signed-in frame: top bar (product, user, language, sign out), navigation by role, main content.
import type { Role } from '@firstline/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatches, useNavigate } from 'react-router';
import {
  BookIcon,
  BuildingIcon,
  ChartIcon,
  FileIcon,
  GroupIcon,
  LanguagePicker,
  ListIcon,
  PencilIcon,
  Logo,
  SignOutIcon,
  UploadIcon,
  UsersIcon,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { useChangeLanguage, useLogout, useUser } from '@/lib/auth';

interface NavItem {
  to: string;
  labelKey: string;
  icon: ReactNode;
}

/** Sections whose link stays current on their detail pages. */
const NESTED = new Set([
  paths.app.cohorts.getHref(),
  paths.app.library.getHref(),
  paths.app.modules.getHref(),
  paths.app.reports.getHref(),
]);

export function navItemsFor(role: Role): NavItem[] {
  const training = { to: paths.app.training.getHref(), labelKey: 'nav.myTraining', icon: <BookIcon /> };
  const cohorts = {
    to: paths.app.cohorts.getHref(),
    labelKey: role === 'instructor' ? 'nav.myCohorts' : 'nav.cohorts',
    icon: <GroupIcon />,
  };
  const importTrainees = { to: paths.app.import.getHref(), labelKey: 'nav.import', icon: <UploadIcon /> };
  const library = { to: paths.app.library.getHref(), labelKey: 'nav.library', icon: <FileIcon /> };
  const modules = { to: paths.app.modules.getHref(), labelKey: 'nav.modules', icon: <BookIcon /> };
  const exercises = { to: paths.app.exercises.getHref(), labelKey: 'exercises.nav', icon: <PencilIcon /> };
  const reports = { to: paths.app.reports.getHref(), labelKey: 'nav.reports', icon: <ChartIcon /> };
  switch (role) {
    case 'trainee':
      return [training, { to: paths.app.progress.getHref(), labelKey: 'nav.myProgress', icon: <ChartIcon /> }];
    case 'instructor':
      return [cohorts, reports, importTrainees, library, exercises, modules];
    case 'supervisor':
      return [
        { to: paths.app.unitsOverview.getHref(), labelKey: 'nav.unitsOverview', icon: <BuildingIcon /> },
        reports,
        library,
      ];
    case 'admin':
      return [
        { to: paths.app.users.getHref(), labelKey: 'nav.users', icon: <UsersIcon /> },
        { to: paths.app.units.getHref(), labelKey: 'nav.units', icon: <BuildingIcon /> },
        cohorts,
        reports,
        importTrainees,
        library,
        exercises,
        modules,
        { to: paths.app.audit.getHref(), labelKey: 'nav.audit', icon: <ListIcon /> },
      ];
  }
}

function initials(name: string) {
  // Ranks and titles ("Insp.", "Dep. Dir.") are not part of the name.
  const words = name.trim().split(/\s+/).filter(Boolean);
  const named = words.filter((w) => !w.endsWith('.'));
  const parts = named.length ? named : words;
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase() || '?';
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const lang = useChangeLanguage();
  // Routes marked `handle: { focus: true }` (the quiz player) get the full width.
  const focus = useMatches().some((m) => (m.handle as { focus?: boolean } | undefined)?.focus);

  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => navigate(paths.auth.login.getHref(), { replace: true }) });

  return (
    <div className={focus ? 'fl-shell fl-shell--focus' : 'fl-shell'}>
      <a className="fl-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="fl-topbar">
        <div className="fl-topbar__brand">
          <Logo size={30} />
          <span className="fl-topbar__tagline">{t('app.tagline')}</span>
        </div>
        <div className="fl-topbar__end">
          <LanguagePicker tone="dark" value={lang.language} onChange={lang.change} />
          <div className="fl-user" data-testid="current-user">
            <span className="fl-user__avatar" aria-hidden="true">
              {initials(user.displayName)}
            </span>
            <span className="fl-user__text">
              <span className="fl-user__name">{user.displayName}</span>
              <span className="fl-user__meta">
                {t(`roles.${user.role}`)}
                {user.unitName && (
                  <>
                    <span aria-hidden="true"> · </span>
                    {user.unitName}
                  </>
                )}
              </span>
            </span>
          </div>
          <button type="button" className="fl-topbar__signout" onClick={signOut} disabled={logout.isPending}>
            <SignOutIcon size={18} />
            <span>{t('shell.signOut')}</span>
          </button>
        </div>
      </header>
      <div className="fl-shell__body">
        <nav className="fl-sidenav" aria-label={t('shell.mainNav')}>
          <ul>
            {navItemsFor(user.role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="fl-sidenav__link" end={!NESTED.has(item.to)}>
                  {item.icon}
                  <span>{t(item.labelKey)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
          <p className="fl-sidenav__foot">{t('shell.footer')}</p>
        </nav>
        <main id="main" className="fl-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
