import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorBody, startServer, type TestServer } from '../support';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('health and metrics', () => {
  it('GET /healthz answers 200 {"status":"ok"} without signing in', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /metrics answers Prometheus text that counts requests', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/healthz`);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    // Every non-comment line is `name{labels} value` (Prometheus exposition format).
    const samples = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(samples.length).toBeGreaterThan(0);
    for (const line of samples) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?\d+)?$/);
    }
    expect(text).toMatch(/^# TYPE \S+ (counter|gauge|histogram|summary|untyped)$/m);
    // At least one sample mentions requests and has counted our calls.
    const requestSamples = samples.filter((l) => /request/i.test(l));
    expect(requestSamples.length).toBeGreaterThan(0);
    expect(requestSamples.some((l) => Number(l.split(' ').at(-1)) >= 3)).toBe(true);
  });

  it('an unknown API path answers 404 not_found in the error shape', async () => {
    const api = await server.login();
    const res = await api.request('GET', '/api/v1/no-such-thing');
    expectErrorBody(res, 404, 'not_found');
  });

  it('an API call without a session answers 401 unauthenticated', async () => {
    const res = await server.api().request('GET', '/api/v1/facilities');
    expectErrorBody(res, 401, 'unauthenticated');
  });
});
