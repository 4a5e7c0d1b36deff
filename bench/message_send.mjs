// bench/notify --message: signs in as the organization administrator and sends one
// message (push, e-mail and in-app) to every family of the organization, timing the
// answer of POST /api/v1/messages. Writes {status, ms, message_id, families, guardians}.
//
//   node bench/message_send.mjs --url URL --login LOGIN --password PASSWORD --out FILE
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
for (const need of ['url', 'login', 'password', 'out']) if (!args.get(need)) throw new Error(`--${need} is required`);
const url = args.get('url');

const login = await fetch(`${url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ login: args.get('login'), password: args.get('password') }),
});
if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
const csrf = cookies.find((c) => c.startsWith('tadaima_csrf='))?.split('=')[1] ?? '';

const body = {
  title: '台風接近に伴う閉所のお知らせ',
  body: `${'明日は台風の接近が見込まれるため、全クラブを閉所します。'.repeat(8)}\nご家庭での見守りをお願いします。`,
  audience: {},
  channels: ['push', 'email', 'inapp'],
  client_id: randomUUID(),
};
const t0 = performance.now();
const res = await fetch(`${url}/api/v1/messages`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Cookie: cookies.join('; '), 'X-CSRF-Token': decodeURIComponent(csrf) },
  body: JSON.stringify(body),
});
const answer = await res.json().catch(() => null);
const ms = performance.now() - t0;
const out = {
  status: res.status,
  ms,
  message_id: answer?.message?.id ?? null,
  families: answer?.recipients?.families ?? null,
  guardians: answer?.recipients?.guardians ?? null,
  error: res.status === 201 ? null : answer,
};
writeFileSync(args.get('out'), JSON.stringify(out));
console.log(`POST /api/v1/messages: ${res.status} in ${ms.toFixed(0)} ms (${out.families} families, ${out.guardians} guardians)`);
