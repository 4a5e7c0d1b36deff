// The signed-in guardian of the parents' app and the one API client it uses.
// SessionContext is provided by <App> once /api/v1/me answered with a guardian.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createApi } from '../shared/api';
import type { User } from '../shared/types';

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
