// Session state: restored on start from the refresh cookie, kept in the TanStack Query cache under one key.
import type { Language, LoginRequest, UpdateMeRequest, UserView } from '@firstline/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { api, ApiError, contract, onSessionExpired, refreshSession, tokenStore } from './api-client';
import { isLanguage, setLanguage } from './i18n';

export const sessionQueryKey = ['auth', 'session'] as const;
const userContract = contract((c) => c.UserView);

/** Current user, or null when nobody is signed in. */
async function loadSession(): Promise<UserView | null> {
  if (tokenStore.get()) {
    try {
      return await api.get('/auth/me', { schema: userContract });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  }
  const session = await refreshSession();
  return session?.user ?? null;
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: loadSession,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

/** For route loaders: waits for the session (restoring it if needed); null if signed out or unreachable. */
export async function ensureSession(queryClient: QueryClient): Promise<UserView | null> {
  try {
    return await queryClient.ensureQueryData(sessionQueryOptions());
  } catch {
    return null;
  }
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/**
 * The signed-in user as ProtectedRoute last rendered it. A context, not the session query itself: on sign-out the
 * session becomes null, and a component below that re-rendered on its own before ProtectedRoute had replaced the tree
 * with the redirect would otherwise meet a null user.
 */
const SignedInUser = createContext<UserView | null>(null);

/** The signed-in user; only for components rendered inside the protected part of the app. */
export function useUser(): UserView {
  const user = useContext(SignedInUser);
  if (!user) throw new Error('useUser() used outside a signed-in route');
  return user;
}

/**
 * A language picked on the sign-in page, before anyone is signed in. It is an explicit choice, so on sign-in it
 * becomes the user's saved preference instead of being overridden by the old one. (A language merely remembered
 * on this device from an earlier visit does not count: a shared desk computer must not rewrite profiles.)
 */
let signedOutChoice: Language | null = null;
export function forgetSignedOutLanguageChoice() {
  signedOutChoice = null;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      api.post('/auth/login', credentials, { schema: contract((c) => c.LoginResponse), refreshOn401: false }),
    onSuccess: (session) => {
      tokenStore.set(session.accessToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      let user = session.user;
      const chosen = signedOutChoice;
      signedOutChoice = null;
      if (chosen && chosen !== user.language) {
        user = { ...user, language: chosen };
        api
          .patch('/auth/me', { language: chosen } satisfies UpdateMeRequest, { schema: userContract })
          .then((saved) => queryClient.setQueryData(sessionQueryKey, saved))
          .catch(() => undefined); // the UI keeps the chosen language; the profile keeps the old one
      }
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout', undefined, { refreshOn401: false }),
    onSettled: () => {
      tokenStore.set(null);
      queryClient.setQueryData(sessionQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateMeRequest) => api.patch('/auth/me', patch, { schema: userContract }),
    onSuccess: (user) => queryClient.setQueryData(sessionQueryKey, user),
  });
}

/**
 * Changes the UI language at once; when signed in, also saves it as the user's preference (PATCH /auth/me).
 */
export function useChangeLanguage() {
  const { data: user } = useSession();
  const updateMe = useUpdateMe();
  const { i18n } = useTranslation();
  return {
    language: isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en',
    isSaving: updateMe.isPending,
    error: updateMe.error,
    change: (lng: Language) => {
      void setLanguage(lng);
      if (!user) signedOutChoice = lng;
      else if (user.language !== lng) updateMe.mutate({ language: lng });
    },
  };
}

/** Set when a session ended by itself (not by signing out), so the sign-in page can say why it is showing. */
let sessionExpiredNotice = false;
export function takeSessionExpiredNotice(): boolean {
  const notice = sessionExpiredNotice;
  sessionExpiredNotice = false;
  return notice;
}

/**
 * Keeps the app in step with the session: the user's saved language wins once they are signed in, and an
 * expired session (401 after a failed refresh) signs them out locally.
 */
export function SessionSync() {
  const queryClient = useQueryClient();
  const { data: user } = useSession();
  useEffect(() => {
    onSessionExpired(() => {
      if (queryClient.getQueryData(sessionQueryKey)) sessionExpiredNotice = true;
      queryClient.setQueryData(sessionQueryKey, null);
    });
    return () => onSessionExpired(null);
  }, [queryClient]);
  useEffect(() => {
    if (user?.language) void setLanguage(user.language);
  }, [user?.id, user?.language]);
  return null;
}

/** Renders its children only for a signed-in user; otherwise sends them to the login page and back after. */
export function ProtectedRoute({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return fallback;
  if (!session.data) {
    const back = location.pathname + location.search;
    return <Navigate to={paths.auth.login.getHref(session.isError ? null : back)} replace />;
  }
  return <SignedInUser.Provider value={session.data}>{children}</SignedInUser.Provider>;
}
