// The client's calls of pre-registration (事前登録), the window letter (登録案内状) and the
// parents' own room registration (ルーム登録), spread into createApi's object (api.ts) so
// that `Api` has them. `call` is createApi's: it unwraps a 2xx answer (or one key of it) and
// throws ApiError otherwise. The letters are PDFs: they are fetched as bytes (a Blob) with
// the CSRF header — printing one issues fresh initial passwords, so it is never a plain
// link — through the client's own fetch, base URL and CSRF token (`options`).
import { CSRF_COOKIE, CSRF_HEADER, query, readCookie, type ApiOptions, type Method } from './api';
import { ApiError } from './api_error';
import type { CallFn } from './message_api';
import type {
  ApprovedRegistration,
  Enrollment,
  MyRoom,
  Page,
  Registration,
  RegistrationStatus,
} from './types';

const seg = encodeURIComponent;

export function registrationCalls(call: CallFn, options: ApiOptions) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const csrfToken = options.csrfToken ?? (() => readCookie(CSRF_COOKIE));

  /** A PDF answer as a Blob; ApiError (from the JSON error body) for any non-2xx status. */
  async function pdf(method: Method, path: string, body?: unknown): Promise<Blob> {
    const headers: Record<string, string> = { Accept: 'application/pdf' };
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await doFetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (res.status < 200 || res.status > 299) {
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      throw new ApiError(res.status, parsed);
    }
    return res.blob();
  }

  return {
    // staff: org_admin, facility_staff of a drop-in room (a registration covers every room)
    /** One page of registrations of a status (default pending), oldest first. */
    registrations: (status?: RegistrationStatus, cursor?: string | null, limit?: number) =>
      call<Page<Registration>>('GET', `/api/v1/registrations${query({ status, cursor, limit })}`),
    registration: (id: string) =>
      call<Registration>('GET', `/api/v1/registrations/${seg(id)}`, undefined, 'registration'),
    /**
     * Creates the family (or, with merge_into_family_id, adds the guardians and the new
     * children to that family) and answers the guardians' logins with initial passwords.
     */
    approveRegistration: (id: string, merge_into_family_id?: string) =>
      call<ApprovedRegistration>('POST', `/api/v1/registrations/${seg(id)}/approve`,
        merge_into_family_id ? { merge_into_family_id } : {}),
    /** reason: 1..500 characters (400 reject_reason_required otherwise). */
    rejectRegistration: (id: string, reason: string) =>
      call<Registration>('POST', `/api/v1/registrations/${seg(id)}/reject`, { reason }, 'registration'),
    /** The family's letter: every guardian without an own password gets a FRESH initial one. */
    invitationPdf: (family_id: string) => pdf('GET', `/api/v1/families/${seg(family_id)}/invitation.pdf`),
    /** The letters of 1..50 families in one PDF, a page each (fresh initial passwords too). */
    invitationsPdf: (family_ids: string[]) => pdf('POST', '/api/v1/invitations.pdf', { family_ids }),

    // guardians
    /** Every drop-in room of the organization and the family's registration there, if any. */
    myRooms: () => call<MyRoom[]>('GET', '/api/v1/me/rooms', undefined, 'items'),
    /** Asks to use a drop-in room: pending until its staff approve. */
    enrollInRoom: (facility_id: string) =>
      call<Enrollment>('POST', '/api/v1/me/enrollments', { facility_id }, 'enrollment'),
  };
}
