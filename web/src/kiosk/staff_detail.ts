// The small "職員向け" line of the refused and failed screens: what went wrong, said by
// the error's reason (its field's reason when the answer names a field) in the current
// language, never the server's raw English. The HTTP status is kept only where the
// reason alone says little: a reason this client has no text for, or a server failure.
import { ApiError } from '../shared/api';
import { knownReason, reasonText, t } from '../shared/i18n';

/** What a failed request said, kept as data so the screen says it in the language shown. */
export interface StaffDetail {
  /** The HTTP status; null when the server could not be reached. */
  status: number | null;
  /** An ErrorReason id (or a newer server's reason, kept as sent). */
  reason: string;
  params: Record<string, string>;
  /** The server's text, for a reason the client cannot say. */
  fallback: string;
}

/** The staff detail of any error a request threw. */
export function staffDetail(err: unknown): StaffDetail {
  if (!(err instanceof ApiError)) {
    return { status: null, reason: '', params: {}, fallback: String((err as Error)?.message ?? err) };
  }
  const field = Object.keys(err.fieldReasons)[0] ?? Object.keys(err.fields)[0];
  if (field) {
    return { status: err.status, reason: err.fieldReasons[field] ?? err.reason,
      params: err.fieldParams[field] ?? {}, fallback: `${field}: ${err.fields[field] ?? err.message}` };
  }
  return { status: err.status, reason: err.reason, params: {}, fallback: err.message };
}

/** The line staff read: "Tadaimaのカードではありません。", or "500 internal (…)" for what it cannot say. */
export function staffDetailText(d: StaffDetail): string {
  if (d.status === null) return t('error.network');
  if (knownReason(d.reason) && d.status < 500) return reasonText(d.reason, d.params);
  if (knownReason(d.reason)) return `${d.status} ${reasonText(d.reason, d.params)}`;
  return `${d.status} ${d.reason}${d.fallback ? ` (${d.fallback})` : ''}`;
}
