// ApiError: how the typed client (./api.ts) reports an answer that is not 2xx.
import type { ErrorBody, ErrorCode, ErrorReason } from './types';

/**
 * A non-2xx answer of a typed method. Decide by `code` and `reason` (an ErrorReason id, or
 * the code's name when nothing more specific applies), never by `message`: the message and
 * `fields` are the server's English text for people. `fieldReasons` has the keys of
 * `fields`; `fieldParams` the parameters of the fields whose reason has some ({max}…).
 * A reason a newer server sends that ErrorReason does not list yet is kept as sent.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'unknown';
  readonly reason: ErrorReason | (string & {});
  readonly fields: Record<string, string>;
  readonly fieldReasons: Record<string, ErrorReason | (string & {})>;
  readonly fieldParams: Record<string, Record<string, string>>;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    const err = (body as Partial<ErrorBody> | null)?.error;
    super(err?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = err?.code ?? 'unknown';
    this.reason = err?.reason ?? this.code;
    this.fields = err?.fields ?? {};
    this.fieldReasons = err?.field_reasons ?? {};
    this.fieldParams = err?.field_params ?? {};
    this.body = body;
  }
}
