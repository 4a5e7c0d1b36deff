// Assertion helpers for API answers.

import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { ApiError } from '../../web/src/shared/api';
import { BINARY } from './server';

let reasons: Set<string> | undefined;
/** Every error reason id of the server's catalogue (`tadaima reasons`). */
export function knownReasons(): Set<string> {
  reasons ??= new Set(execFileSync(BINARY, ['reasons'], { encoding: 'utf8' }).split('\n').filter(Boolean));
  return reasons;
}

/**
 * The reason contract (docs/decisions/0008): every error names a known reason; every bad
 * field has a known reason under the same key; an error about one field has its reason.
 */
export function expectReasons(error: any): void {
  const known = knownReasons();
  expect(known.has(error?.reason), `reason of ${JSON.stringify(error)}`).toBe(true);
  const fields = Object.keys(error?.fields ?? {});
  if (fields.length === 0) return;
  expect(Object.keys(error.field_reasons ?? {}).sort(), `field_reasons of ${JSON.stringify(error)}`).toEqual(fields.sort());
  for (const f of fields) expect(known.has(error.field_reasons[f]), `reason of ${f}`).toBe(true);
  if (fields.length === 1) expect(error.reason).toBe(error.field_reasons[fields[0]]);
  else expect(error.reason).toBe('invalid_fields');
}

const STATUS_OF: Record<string, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

/**
 * Awaits `promise`, expects it to fail with an ApiError of `status` (and the matching
 * error code of the contract), and returns the error for further checks.
 */
export async function expectApiError(promise: Promise<unknown>, status: number, code?: string): Promise<ApiError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const want = code ?? Object.keys(STATUS_OF).find((k) => STATUS_OF[k] === status);
    expect({ status: e.status, code: e.code }, `answer body: ${JSON.stringify(e.body)}`).toEqual({
      status,
      code: want,
    });
    expect(typeof e.message).toBe('string');
    expectReasons((e.body as any)?.error);
    return e;
  }
  throw new Error(`expected HTTP ${status}, got success: ${JSON.stringify(result)}`);
}

/** Expects a 400 invalid_argument whose `fields` names `field`; returns the error. */
export async function expectInvalid(promise: Promise<unknown>, field: string): Promise<ApiError> {
  const e = await expectApiError(promise, 400, 'invalid_argument');
  expect(Object.keys(e.fields), `fields of ${JSON.stringify(e.body)}`).toContain(field);
  expect(e.fields[field]).toMatch(/\S/);
  return e;
}

/** Checks a raw {status, body} error answer against the error shape of the contract. */
export function expectErrorBody(res: { status: number; body: any }, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body?.error?.code).toBe(code);
  expect(typeof res.body?.error?.message).toBe('string');
  expectReasons(res.body.error);
}
