// Starts the real `tadaima` binary for black-box tests: a fresh database (SQLite in a
// temp folder, or a new PostgreSQL database on $TADAIMA_TEST_PG_URL), migrations, a
// first organization with its admin, and `serve` on a free port of 127.0.0.1.
// Every server started here is SIGKILLed when the test process exits.
//
// With `testClock` the server runs on a test clock (TADAIMA_TEST_CLOCK): it stands still
// at that instant and moves only when the test says so (setClock, advanceClock), so an
// outcome that depends on the time never depends on how fast the machine runs.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApi, type Api } from '../../web/src/shared/api';
import { createCookieFetch, createCookieJar, type CookieJar } from './cookie-fetch';

const run = promisify(execFile);

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BINARY = process.env.TADAIMA_BIN ?? join(REPO_ROOT, 'build', 'tadaima');

// Every tadaima the tests start hashes passwords with argon2id at its minimum cost
// (TADAIMA_TEST_PASSWORD_COST): at the interactive cost, hashing took most of the suite's time.
process.env.TADAIMA_TEST_PASSWORD_COST ??= 'true';

export type DbKind = 'sqlite' | 'postgres';

/** The backend chosen by TADAIMA_TEST_DB (default sqlite). */
export function testDb(): DbKind {
  const v = process.env.TADAIMA_TEST_DB ?? 'sqlite';
  if (v !== 'sqlite' && v !== 'postgres') throw new Error(`TADAIMA_TEST_DB=${v}: want sqlite or postgres`);
  return v;
}

export interface StartOptions {
  db?: DbKind;
  /** Extra environment for `serve` (e.g. TADAIMA_CLOCK_START). */
  env?: Record<string, string>;
  /**
   * Runs `serve` on a test clock standing at this instant (RFC 3339 or a Date): it moves
   * only through setClock/advanceClock, and the background jobs run after each move.
   */
  testClock?: string | Date;
  orgName?: string;
  timeZone?: string;
}

export interface Credentials {
  login: string;
  password: string;
}

/** A test client: the shared API client plus its own cookie jar. */
export type TestApi = Api & { jar: CookieJar };

/** Moving a `serve` process's test clock (StartOptions.testClock); each answers the new time. */
export interface TestClock {
  /**
   * Moves the clock to `at` (never backwards: that throws) and resolves once the jobs that
   * depend on the time (auto-close, not-arrived alerts) ran at it.
   */
  setClock(at: string | Date): Promise<Date>;
  /** Moves the clock on by `ms`; `advanceClock(0)` runs the jobs at the same time. */
  advanceClock(ms: number): Promise<Date>;
  /** The clock's time as the last start or move left it (exact: it stands still in between). */
  clockNow(): Date;
  /**
   * The process's logs up to the answer of the last move (what the jobs logged at it
   * included); waits a bounded time for the asynchronous log to catch up.
   */
  logsThroughLastMove(): Promise<string>;
}

export interface TestServer extends TestClock {
  /** Current base URL, e.g. http://127.0.0.1:41234 (changes on restart). */
  readonly url: string;
  readonly dbUrl: string;
  readonly db: DbKind;
  /** The first org_admin, created with `admin create-org`. */
  readonly admin: Credentials;
  /** Everything the server wrote to stderr so far (logs). */
  logs(): string;
  /** A new client with an empty cookie jar; it follows the server across restarts. */
  api(): TestApi;
  /** A new client signed in as `who` (default the admin). */
  login(who?: Credentials): Promise<TestApi>;
  /** Creates another organization on the same database; returns its admin. */
  createOrg(name?: string, timeZone?: string): Promise<Credentials>;
  /** Runs the binary with args (plus --db when withDb) and returns its output. */
  cli(args: string[], withDb?: boolean): Promise<{ stdout: string; stderr: string }>;
  /** SIGTERM and wait; returns the exit code (null when killed by a signal). */
  stop(): Promise<number | null>;
  /** SIGKILL and wait. */
  kill9(): Promise<void>;
  /**
   * Stops (if running) and starts `serve` again on the same database. A test clock starts
   * again where it stood, unless `env` names TADAIMA_CLOCK_START.
   */
  restart(env?: Record<string, string>): Promise<void>;
  /**
   * Starts another `serve` process on the same database (PostgreSQL: several app servers
   * behind a balancer), with the first one's environment plus `env`. close() stops it too.
   * On a test clock it has its own, starting where the first one's stands now.
   */
  another(env?: Record<string, string>): Promise<OtherServer>;
  /** Stops the server (and the others) and deletes its database. */
  close(): Promise<void>;
}

/** A further `serve` process on a TestServer's database (see TestServer.another). */
export interface OtherServer extends TestClock {
  readonly url: string;
  logs(): string;
  /** A new client of this process (empty cookie jar). */
  api(): TestApi;
  login(who?: Credentials): Promise<TestApi>;
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
  /** Stops (if running; after kill9 too) and starts again on the same database. */
  restart(env?: Record<string, string>): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

let counter = 0;
function uniqueSuffix(): string {
  return `${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
}

async function psql(url: string, sql: string): Promise<void> {
  await run('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql]);
}

function withDatabase(pgUrl: string, name: string): string {
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabase(kind: DbKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tadaima-test-'));
    return {
      url: `sqlite:${join(dir, 'tadaima.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.TADAIMA_TEST_PG_URL;
  if (!base) throw new Error('TADAIMA_TEST_DB=postgres needs TADAIMA_TEST_PG_URL (run under scripts/with-postgres)');
  const name = `tadaima_test_${uniqueSuffix()}`;
  await psql(base, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(base, name),
    // Dropping a database waits for a checkpoint of the whole cluster, which on a busy
    // machine with many test databases takes 20 s and more (measured under stress-ng):
    // the drop is started and left to finish on its own; the cluster goes at the end of
    // the run (scripts/with-postgres) whether it finished or not.
    drop: async () => {
      void psql(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    },
  };
}

/** `work`, and a line on stderr when it took over 5 s (where a slow clean-up spends its time). */
export async function timed<T>(what: string, work: Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work;
  } finally {
    const ms = Date.now() - started;
    if (ms > 5000) process.stderr.write(`clean-up: ${what} took ${ms} ms\n`);
  }
}

export function randomPassword(): string {
  return `pw-${randomBytes(9).toString('base64url')}`;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} does not exist: build it first (make server)`);
  const db = options.db ?? testDb();
  const database = await createDatabase(db);
  const dbUrl = database.url;

  const cli = async (args: string[], withDb = true) => {
    const full = withDb ? [...args, '--db', dbUrl] : args;
    try {
      return await run(BINARY, full, { env: process.env, timeout: 60_000 });
    } catch (e: any) {
      throw new Error(`tadaima ${full.join(' ')} failed (${e.code}): ${e.stderr || e.message}`);
    }
  };

  await cli(['migrate']);

  const createOrg = async (name = `Org ${uniqueSuffix()}`, timeZone = 'Asia/Tokyo') => {
    const admin = { login: `admin-${randomBytes(4).toString('hex')}`, password: randomPassword() };
    await cli([
      'admin', 'create-org', '--name', name, '--admin-login', admin.login,
      '--admin-password', admin.password, '--time-zone', timeZone,
    ]);
    return admin;
  };
  const admin = await createOrg(options.orgName ?? 'テスト市こども課', options.timeZone ?? 'Asia/Tokyo');

  const baseEnv: Record<string, string> = { ...(options.env ?? {}) };
  // Consultation records are sealed with a key from the configuration: each test server has its own.
  baseEnv.TADAIMA_CONSULTATION_KEYS ??= `test:${randomBytes(32).toString('base64')}`;
  if (options.testClock !== undefined) {
    baseEnv.TADAIMA_TEST_CLOCK = 'true';
    baseEnv.TADAIMA_CLOCK_START = new Date(options.testClock).toISOString();
  }
  const main = createServeProcess(dbUrl, baseEnv);
  const others = new Set<ServeProcess>();
  await main.start();

  const server: TestServer = {
    get url() {
      return main.url;
    },
    dbUrl,
    db,
    admin,
    logs: () => main.logs(),
    api: () => clientFor(() => main.url),
    async login(who = admin) {
      const api = server.api();
      await api.login(who.login, who.password);
      return api;
    },
    createOrg,
    cli,
    stop: () => main.stop(),
    kill9: () => main.kill9(),
    restart: (env) => main.restart(env),
    setClock: (at) => main.setClock(at),
    advanceClock: (ms) => main.advanceClock(ms),
    clockNow: () => main.clockNow(),
    logsThroughLastMove: () => main.logsThroughLastMove(),
    async another(env) {
      const clockEnv: Record<string, string> = options.testClock !== undefined ? { TADAIMA_CLOCK_START: main.clockNow().toISOString() } : {};
      const proc = createServeProcess(dbUrl, { ...baseEnv, ...clockEnv, ...(env ?? {}) });
      await proc.start();
      const handle: OtherServer = {
        get url() {
          return proc.url;
        },
        logs: () => proc.logs(),
        api: () => clientFor(() => proc.url),
        async login(who = admin) {
          const api = handle.api();
          await api.login(who.login, who.password);
          return api;
        },
        stop: () => proc.stop(),
        kill9: () => proc.kill9(),
        restart: (more) => proc.restart(more),
        setClock: (at) => proc.setClock(at),
        advanceClock: (ms) => proc.advanceClock(ms),
        clockNow: () => proc.clockNow(),
        logsThroughLastMove: () => proc.logsThroughLastMove(),
      };
      others.add(proc);
      return handle;
    },
    async close() {
      // All at once: each stop waits up to 15 s for its process on a busy machine.
      await timed('stopping the servers', Promise.all([...[...others].map((o) => o.stop()), main.stop()]));
      await timed('dropping the database', database.drop());
    },
  };
  return server;
}

/** A client with its own cookie jar that talks to whatever `base()` names now. */
function clientFor(base: () => string): TestApi {
  const jar = createCookieJar();
  const api = createApi({
    baseUrl: '',
    fetch: createCookieFetch(jar, base),
    csrfToken: () => jar.get('tadaima_csrf'),
  });
  return Object.assign(api, { jar });
}

interface ServeProcess extends TestClock {
  readonly url: string;
  logs(): string;
  start(env?: Record<string, string>): Promise<void>;
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
  restart(env?: Record<string, string>): Promise<void>;
}

/** One `serve` process on `dbUrl`; start() again after stop() or kill9() (e.g. a crash). */
function createServeProcess(dbUrl: string, baseEnv: Record<string, string>): ServeProcess {
  let child: ChildProcess | null = null;
  let exited: Promise<number | null> = Promise.resolve(null);
  let url = '';
  let stderr = '';
  const testClock = baseEnv.TADAIMA_TEST_CLOCK === 'true';
  // Where the test clock stands (RFC 3339): its start, then each move's answer.
  let clockAt = baseEnv.TADAIMA_CLOCK_START ?? '';
  let moves = 0;
  let lastMoveId = '';

  const moveClock = async (body: { at: string } | { advance_ms: number }): Promise<Date> => {
    if (!testClock) throw new Error('this server has no test clock: start it with { testClock }');
    // The access log names the request id after the jobs' own lines: see logsThroughLastMove.
    const requestId = `test-clock-${process.pid}-${++moves}`;
    const res = await fetch(`${url}/api/v1/test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => null);
    if (res.status !== 200) throw new Error(`POST /api/v1/test/clock ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(answer)}`);
    clockAt = answer.now;
    lastMoveId = requestId;
    return new Date(answer.now);
  };

  const logsThroughLastMove = async (): Promise<string> => {
    const deadline = Date.now() + 15_000;
    while (lastMoveId && !stderr.includes(` ${lastMoveId} `)) {
      if (Date.now() > deadline) throw new Error(`the log never showed the move ${lastMoveId}; stderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return stderr;
  };

  const start = async (env: Record<string, string> = {}) => {
    // A test clock starts again where it stood (a restart does not turn time back).
    const clockEnv = testClock && clockAt ? { TADAIMA_CLOCK_START: clockAt } : {};
    const full = { ...process.env, ...baseEnv, ...clockEnv, ...env };
    if (testClock) clockAt = full.TADAIMA_CLOCK_START ?? clockAt;
    const proc = spawn(BINARY, ['serve', '--db', dbUrl, '--listen', '127.0.0.1:0'], {
      env: full,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    live.add(proc);
    exited = new Promise((res) =>
      proc.once('exit', (code) => {
        live.delete(proc);
        res(code);
      }),
    );
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (d: string) => {
      stderr += d;
    });
    url = await new Promise<string>((res, rej) => {
      let out = '';
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        rej(new Error(`tadaima serve did not print "listening on" within 30 s; stderr:\n${stderr}`));
      }, 30_000);
      proc.stdout!.setEncoding('utf8');
      proc.stdout!.on('data', (d: string) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          res(m[1].replace(/\/$/, ''));
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        rej(new Error(`tadaima serve exited (${code ?? signal}) before listening; stderr:\n${stderr}`));
      });
    });
  };

  const stop = async (): Promise<number | null> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const kill9 = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGKILL');
    await exited;
  };

  return {
    get url() {
      return url;
    },
    logs: () => stderr,
    start,
    stop,
    kill9,
    async restart(env) {
      await stop();
      await start(env ?? {});
    },
    setClock: (at) => moveClock({ at: new Date(at).toISOString() }),
    advanceClock: (ms) => moveClock({ advance_ms: ms }),
    clockNow: () => {
      if (!testClock) throw new Error('this server has no test clock: start it with { testClock }');
      return new Date(clockAt);
    },
    logsThroughLastMove,
  };
}
