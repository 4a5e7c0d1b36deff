// The test clock (TADAIMA_TEST_CLOCK): it stands still at clock_start and moves only
// through POST /api/v1/test/clock, never backwards; bad bodies change nothing; the route
// does not exist in a server without the mode; and the server refuses the mode where it
// looks like production (not bound to loopback, or a public_url that is not loopback).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY, startServer, type TestServer } from '../support';

const START = '2027-06-10T15:00:00+09:00';
const ms = (t: string) => Date.parse(t);

async function move(server: TestServer, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/v1/test/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe('a server on a test clock', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ testClock: START });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stands still at its start while requests come and go', async () => {
    const first = await move(server, { advance_ms: 0 });
    expect(first).toEqual({ status: 200, body: { now: '2027-06-10T06:00:00.000Z' } });
    const admin = await server.login();
    for (let i = 0; i < 5; i++) await admin.me();
    expect((await move(server, { advance_ms: 0 })).body.now).toBe('2027-06-10T06:00:00.000Z');
  });

  it('moves to `at` or on by `advance_ms` and answers the new time', async () => {
    expect((await server.setClock('2027-06-10T15:30:00+09:00')).getTime()).toBe(ms('2027-06-10T15:30:00+09:00'));
    expect((await server.advanceClock(250)).toISOString()).toBe('2027-06-10T06:30:00.250Z');
    expect(server.clockNow().toISOString()).toBe('2027-06-10T06:30:00.250Z');
    // The same instant again is a move that stays.
    expect((await move(server, { at: '2027-06-10T15:30:00.250+09:00' })).body.now).toBe('2027-06-10T06:30:00.250Z');
  });

  it('refuses to move backwards (409, naming at) and changes nothing', async () => {
    const back = await move(server, { at: START });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: 'conflict', fields: { at: expect.stringContaining('must not be before') } });
    expect((await move(server, { advance_ms: 0 })).body.now).toBe('2027-06-10T06:30:00.250Z');
  });

  it('answers 400 naming the field for bad bodies, and does not move', async () => {
    const cases: [unknown, string][] = [
      [{}, 'at'],
      [{ at: START, advance_ms: 5 }, 'advance_ms'],
      [{ at: 'tomorrow' }, 'at'],
      [{ at: 12 }, 'at'],
      [{ advance_ms: -1 }, 'advance_ms'],
      [{ advance_ms: 1.5 }, 'advance_ms'],
      [{ advance_ms: '10' }, 'advance_ms'],
      [{ advance_ms: 10 * 365 * 86_400_000 }, 'advance_ms'],
      [{ advance_ms: 1, later: true }, 'later'],
    ];
    for (const [body, field] of cases) {
      const res = await move(server, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_argument');
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await move(server, '[1, 2]')).status).toBe(400);
    expect((await move(server, 'not json')).status).toBe(400);
    expect((await move(server, { advance_ms: 0 })).body.now).toBe('2027-06-10T06:30:00.250Z');
  });

  it('starts again where it stood after a restart', async () => {
    await server.restart();
    expect((await move(server, { advance_ms: 0 })).body.now).toBe('2027-06-10T06:30:00.250Z');
  });

  it('other methods on the route answer 405', async () => {
    const res = await fetch(`${server.url}/api/v1/test/clock`);
    expect(res.status).toBe(405);
  });
});

describe('a server without the test clock', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { TADAIMA_CLOCK_START: START } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has no such route: 404 like any unknown path', async () => {
    const res = await move(server, { advance_ms: 1000 });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await fetch(`${server.url}/api/v1/test/clock`)).status).toBe(404);
  });

  it('refuses the test clock where it looks like production', async () => {
    const serve = (env: Record<string, string>, listen: string) =>
      promisify(execFile)(BINARY, ['serve', '--db', server.dbUrl, '--listen', listen], {
        env: { ...process.env, TADAIMA_TEST_PASSWORD_COST: 'false', TADAIMA_TEST_CLOCK: 'true', ...env },
        timeout: 30_000,
      });
    const refusals: [Record<string, string>, string][] = [
      [{}, '0.0.0.0:0'],
      [{}, ':0'],
      [{ TADAIMA_PUBLIC_URL: 'https://tadaima.example.jp' }, '127.0.0.1:0'],
      [{ TADAIMA_PUBLIC_URL: 'http://tadaima.example.jp' }, '127.0.0.1:0'],
      [{ TADAIMA_PUBLIC_URL: 'https://127.0.0.1:8443' }, '127.0.0.1:0'],
    ];
    for (const [env, listen] of refusals) {
      const e: any = await serve(env, listen).then(() => null, (err) => err);
      expect(e, `${listen} ${JSON.stringify(env)} refused`).not.toBeNull();
      expect(e.killed, 'exited by itself').toBe(false);
      expect(e.code).toBe(1);
      expect(e.stderr).toContain('TADAIMA_TEST_CLOCK is for tests');
    }
  });

  it('refuses the test password cost where it looks like production, and every command checks it', async () => {
    const tadaima = (args: string[], env: Record<string, string>) =>
      promisify(execFile)(BINARY, args, { env: { ...process.env, TADAIMA_TEST_PASSWORD_COST: 'true', ...env }, timeout: 30_000 });
    const commands = [
      ['serve', '--db', server.dbUrl, '--listen', '127.0.0.1:0'],
      ['admin', 'create-org', '--db', server.dbUrl, '--name', 'X', '--admin-login', 'x-admin', '--admin-password', 'pw-long-enough-1'],
    ];
    for (const args of commands) {
      const e: any = await tadaima(args, { TADAIMA_PUBLIC_URL: 'https://tadaima.example.jp' }).then(() => null, (err) => err);
      expect(e, `${args[0]} refused`).not.toBeNull();
      expect(e.code).toBe(1);
      expect(e.stderr).toContain('TADAIMA_TEST_PASSWORD_COST is for tests');
    }
    const e: any = await tadaima(['serve', '--db', server.dbUrl, '--listen', '0.0.0.0:0'], {}).then(() => null, (err) => err);
    expect(e?.stderr).toContain('TADAIMA_TEST_PASSWORD_COST is for tests');
  });
});
