// `make run`'s demo (`tadaima demo`): it seeds an organization with a club and a drop-in
// room, their staff and families, today's plans and stamps, two messages and two contact
// threads, then serves on the address it prints with the logins it prints. Runs the
// binary itself on SQLite in a temporary directory, whichever database this run tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../web/src/shared/api';
import { BINARY, createCookieFetch, createCookieJar, until } from '../support';

let proc: ChildProcess;
let output = '';
let url = '';
const dir = mkdtempSync(join(tmpdir(), 'tadaima-demo-test-'));

beforeAll(async () => {
  proc = spawn(BINARY, ['demo', '--db', `sqlite:${join(dir, 'demo.db')}`], { env: { ...process.env, TADAIMA_LISTEN: '127.0.0.1:0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  await until(async () => /listening on (http:\/\/[\d.:]+)/.test(output), 60_000, 'the demo serving');
  url = /listening on (http:\/\/[\d.:]+)/.exec(output)![1];
}, 90_000);
afterAll(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const signedIn = async (login: string, password: string) => {
  const jar = createCookieJar();
  const api = createApi({ baseUrl: '', fetch: createCookieFetch(jar, () => url), csrfToken: () => jar.get('tadaima_csrf') });
  await api.login(login, password);
  return api;
};

describe('the demo', () => {
  it('prints the addresses and logins it serves', async () => {
    expect(output).toContain(`staff admin:   ${url}/admin/`);
    expect(output).toMatch(/organization administrator: login admin {2}password tadaima-demo/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const guardian = /^\s+(\S+ \S+)\s+login (\S+)\s+initial password (\S+)$/m.exec(output);
    expect(guardian).not.toBeNull();
    const api = await signedIn(guardian![2], guardian![3]);
    expect((await api.me()).must_change_password).toBe(true);
  });

  it('has facilities with families, messages and contact threads to look at', async () => {
    const admin = await signedIn('admin', 'tadaima-demo');
    const facilities = (await admin.listFacilities({ limit: 200 })).items.map((f) => f.name);
    expect(facilities).toEqual(expect.arrayContaining(['ひまわり児童クラブ', 'こどもルームさくら']));
    expect((await admin.listFamilies({ limit: 200 })).items.length).toBe(30);
    const messages = (await admin.messages()).items;
    expect(messages.map((m) => m.title)).toEqual(['1歳児向け わらべうたの会のご案内', 'ひまわりだより 7月号']);
    expect(messages.every((m) => m.families > 0)).toBe(true);
    const threads = await admin.threads();
    expect(threads.items).toHaveLength(2);
    expect(threads.unread_threads).toBe(1);
  });
});
