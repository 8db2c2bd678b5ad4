import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setPasswordChangeRequiredHandler, setUnauthorizedHandler, toApiError } from '../api';
import type { CurrentUser } from './types';

type AuthState =
  | { status: 'loading' }
  /** `logout`: the user left on purpose, so the next login starts at 首页, not where they were. */
  | { status: 'anonymous'; reason: 'not-logged-in' | 'session-ended' | 'logout' }
  | { status: 'authenticated'; user: CurrentUser }
  /** The server could not say who we are (it is down, or answered 5xx): not the same as logged out. */
  | { status: 'error'; error: ApiError };

export interface AuthContextValue {
  state: AuthState;
  user: CurrentUser | null;
  login(username: string, password: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** Asks the server again who is logged in (after a failed check, or after changing one's roles). */
  refresh(): Promise<void>;
  /** True when the user holds `permission`; a null permission is open to every logged-in user. */
  can(permission: string | null): boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const { user } = await api.get<{ user: CurrentUser }>('/api/auth/me', { redirectOnUnauthorized: false });
      setState({ status: 'authenticated', user });
    } catch (error) {
      const apiError = toApiError(error);
      setState(apiError.status === 401 ? { status: 'anonymous', reason: 'not-logged-in' } : { status: 'error', error: apiError });
    }
  }, []);

  useEffect(() => {
    // Any 401 after this point means the session ended: forget the user and let the guard redirect.
    setUnauthorizedHandler(() => setState({ status: 'anonymous', reason: 'session-ended' }));
    // The password must be changed first (generated, set by an administrator, or expired during the
    // session): ask again who we are, so the shell shows only the password page.
    setPasswordChangeRequiredHandler(() => void refresh());
    void refresh();
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const { user } = await api.post<{ user: CurrentUser }>(
      '/api/auth/login',
      { username, password },
      { redirectOnUnauthorized: false },
    );
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { redirectOnUnauthorized: false });
    } catch (error) {
      // A 401 means the session had already ended; anything else must not look like a logout.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'anonymous', reason: 'logout' });
  }, []);

  const value = useMemo<AuthContextValue>(() => {
    const user = state.status === 'authenticated' ? state.user : null;
    return {
      state,
      user,
      login,
      logout,
      refresh,
      can: (permission) => user !== null && (permission === null || user.permissions.includes(permission)),
    };
  }, [state, login, logout, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth 必须在 AuthProvider 内使用');
  return value;
}

/** The logged-in user, for pages inside the authenticated shell (which never renders without one). */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('当前没有登录用户');
  return user;
}
