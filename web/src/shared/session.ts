// The signed-in user of a front end (admin or parents' app; each page loads its own copy)
// and the one API client it uses. SessionContext is provided by each app's <App> once
// /api/v1/me answered with a user of the right kind.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createApi } from './api';
import type { User } from './types';

export const api = createApi();

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
