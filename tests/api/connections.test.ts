// Running out of file descriptors: the server raises its soft limit to the hard one, caps
// its connections with a clear 503, and waits instead of spinning when accept fails with
// EMFILE; once connections close it serves again. Servers started here run under `ulimit`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BINARY, startServer, type TestServer } from '../support';

let server: TestServer;
let proc: ChildProcess | null = null;
let sockets: Socket[] = [];

beforeAll(async () => {
  server = await startServer();  // a migrated database with an organization
});
afterEach(() => {
  for (const s of sockets) s.destroy();
  sockets = [];
  proc?.kill('SIGKILL');
  proc = null;
});
afterAll(async () => {
  await server?.close();
});

/** `tadaima serve` under `ulimit` (soft and/or hard), with extra environment. */
async function serveLimited(limits: string, env: Record<string, string> = {}): Promise<{ url: string; logs: () => string }> {
  const p = spawn('bash', ['-c', `${limits} && exec "$0" serve --db "$1" --listen 127.0.0.1:0`, BINARY, server.dbUrl], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc = p;
  let stderr = '';
  p.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    p.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) res(m[1].replace(/\/$/, ''));
    });
    p.once('exit', (code) => rej(new Error(`serve exited (${code}); stderr:\n${stderr}`)));
  });
  return { url, logs: () => stderr };
}

/** Opens `n` idle TCP connections and waits until each is connected. */
async function idle(url: string, n: number): Promise<void> {
  const { hostname, port } = new URL(url);
  for (let i = 0; i < n; ++i) {
    const s = connect(Number(port), hostname);
    sockets.push(s);
    await new Promise<void>((res, rej) => s.once('connect', () => res()).once('error', rej));
  }
}

/** GET /healthz on a connection of its own, closed after the answer (no pooled connection). */
async function health(url: string): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(url);
  const text = await new Promise<string>((res, rej) => {
    const s = connect(Number(port), hostname);
    let out = '';
    s.setTimeout(10_000, () => s.destroy(new Error('no answer within 10 s')));
    s.on('connect', () => s.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    s.setEncoding('utf8').on('data', (d: string) => (out += d));
    s.on('end', () => res(out)).on('error', rej);
  });
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  return { status, body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) };
}

/** Polls until `f` holds (bounded by the poll timeout of the config). */
async function eventually(f: () => Promise<boolean>): Promise<void> {
  await expect.poll(() => f().catch(() => false)).toBe(true);
}

describe('file descriptors and connections', () => {
  it('raises the soft limit to the hard one and sizes the connection cap from it', async () => {
    const hard = Math.min(4096, Number(execFileSync('bash', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim()));
    const { url, logs } = await serveLimited(`ulimit -Sn 256 && ulimit -Hn ${hard}`);
    expect((await health(url)).status).toBe(200);
    // stderr is its own pipe (and the log is written by a thread of its own): wait for the line.
    await expect.poll(logs).toContain(`file-descriptor limit ${hard}, at most ${hard - 256} connections`);
  });

  it('over max_connections answers 503 too_many_connections, and serves again once they close', async () => {
    const { url } = await serveLimited('ulimit -n 4096', { TADAIMA_MAX_CONNECTIONS: '16' });
    await idle(url, 16);
    // The idle connections count once the server has accepted them all.
    await eventually(async () => (await health(url)).status === 503);
    const refused = await health(url);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'unavailable', reason: 'too_many_connections' });
    for (const s of sockets) s.destroy();
    sockets = [];
    await eventually(async () => (await health(url)).status === 200);
  });

  it('out of descriptors, accept waits instead of spinning, and the server recovers', async () => {
    // A hard limit of 64 and a cap above it: the descriptors run out before the cap.
    const { url, logs } = await serveLimited('ulimit -n 64', { TADAIMA_MAX_CONNECTIONS: '1000', TADAIMA_DB_POOL: '2', TADAIMA_THREADS: '2' });
    const { hostname, port } = new URL(url);
    for (let i = 0; i < 80; ++i) sockets.push(connect(Number(port), hostname).on('error', () => {}));
    await eventually(async () => /accept: .*waiting 100 ms/.test(logs()));
    for (const s of sockets) s.destroy();
    sockets = [];
    await eventually(async () => (await health(url)).status === 200);
  });
});
