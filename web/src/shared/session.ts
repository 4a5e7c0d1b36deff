// The signed-in user of a front end (admin or parents' app; each page loads its own copy)
// and the one API client it uses. SessionContext is provided by each app's <App> once
// /api/v1/me answered with a user of the right kind.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiError, createApi, CSRF_COOKIE, readCookie } from './api';
import type { User } from './types';

/** Whether this browser holds a session: the server sets the (script-readable) CSRF cookie
 * with the session cookie at sign-in, with the same lifetime, and clears both at sign-out. */
export const hasSessionCookie = (): boolean => readCookie(CSRF_COOKIE) !== null && readCookie(CSRF_COOKIE) !== '';

const client = createApi();

/** The API client. `me()` answers 401 without asking the server when there is no session
 * cookie, so a signed-out page logs no failed request. */
export const api: typeof client = {
  ...client,
  me: () => (hasSessionCookie() ? client.me() : Promise.reject(new ApiError(401, null))),
};

export interface Session {
  user: User;
  /** Ends the session on the server and shows the sign-in page. */
  signOut: () => Promise<void>;
  /** Called when the server answers 401: the session is gone, show sign-in. */
  expire: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session. REQUIRES: called below <SessionContext.Provider>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

/** Whether a staff user administers the organization (sees staff and facility settings). */
export const isAdmin = (user: User) => user.role === 'org_admin';
