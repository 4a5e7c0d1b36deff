// The two public calls of the pre-registration form, with plain fetch (no sign-in, no
// cookie, no CSRF header): the form of an organization (its name, its drop-in rooms and a
// form token) and sending a registration. A non-2xx answer throws ../shared/api_error's
// ApiError; a network failure throws what fetch threw. The types follow the contract of
// GET /api/v1/registrations/form and POST /api/v1/registrations (../shared/types).
import { ApiError } from '../shared/api_error';
import type { RegistrationForm, RegistrationInput } from '../shared/types';

export type { RegistrationForm, RegistrationInput };

export interface RegistrationReceipt {
  registration: { id: string; status: 'pending' };
}

async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (res.status < 200 || res.status > 299) throw new ApiError(res.status, parsed);
  return parsed as T;
}

/** The form of organization `org` (404 when there is none). */
export function fetchRegistrationForm(org: string): Promise<RegistrationForm> {
  return send('GET', `/api/v1/registrations/form?organization_id=${encodeURIComponent(org)}`);
}

/** Sends a registration; answers its id (status pending). */
export function sendRegistration(input: RegistrationInput): Promise<RegistrationReceipt> {
  return send('POST', '/api/v1/registrations', input);
}
