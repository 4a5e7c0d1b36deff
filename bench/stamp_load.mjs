// A fixed-rate load of kiosk stamps (open loop; wrk cannot hold a rate). bench/notify runs it.
//
//   node bench/stamp_load.mjs --url http://127.0.0.1:PORT --seed SEED.tsv --rate 1000 \
//        --duration 25 [--connections 64] [--out RESULT.json]
//
// SEED.tsv is what `tadaima-bench seed --out` writes (kiosk token, facility id,
// credential per child). Request i is due at start + i / rate: a scheduler wakes every
// millisecond and sends every request that is due, whether or not the earlier ones were
// answered, over keep-alive connections (at most --connections; a request waits for a
// free one, and that wait counts in its latency, measured from when it was due). Each
// request stamps a random child at its facility with a fresh client_id, direction auto.
// When every answer is in it prints and writes (--out) a JSON result: the rate requests
// were issued at and the rate they were answered at (what the server achieved), answers
// by status and result, latency percentiles from the due time, the worst lag of the
// scheduler, the most requests waiting for a connection, and this process's CPU time.

import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const usage = 'usage: node bench/stamp_load.mjs --url URL --seed SEED.tsv --rate N --duration SECONDS [--connections 64] [--out FILE]';
const url = new URL(args.get('url') ?? '');
const rate = Number(args.get('rate'));
const duration = Number(args.get('duration'));
const connections = Number(args.get('connections') ?? 64);
if (!args.get('seed') || !(rate > 0) || !(duration > 0) || !(connections >= 1)) {
  console.error(usage);
  process.exit(2);
}
const children = readFileSync(args.get('seed'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [token, facility, credential] = line.split('\t');
    if (!token || !facility || !credential) throw new Error(`bad seed line: ${line}`);
    return { auth: `Bearer ${token}`, facility, credential };
  });
if (children.length === 0) throw new Error('no children in the seed file');

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const total = Math.round(rate * duration);
const counts = {};
const latencies = new Float64Array(total);
let sent = 0;
let answered = 0;
let firstError = null;
let maxLagMs = 0;
let maxWaiting = 0; // requests issued but not yet on a connection (all were busy)
let lastAnswerAt = 0;

function stamp(i, due) {
  const c = children[Math.floor(Math.random() * children.length)];
  const body = JSON.stringify({ facility_id: c.facility, client_id: randomUUID(), credential: c.credential, direction: 'auto' });
  const req = http.request(
    {
      host: url.hostname,
      port: url.port,
      path: '/api/v1/stamps',
      method: 'POST',
      agent,
      headers: { authorization: c.auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    },
    (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => {
        const now = performance.now();
        latencies[i] = now - due;
        let key = `status_${res.statusCode}`;
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200 || res.statusCode === 201) {
          const m = /"result"\s*:\s*"(\w+)"/.exec(text);
          if (m) key += `_${m[1]}`;
        } else {
          firstError ??= `${res.statusCode} ${text.slice(0, 300)}`;
        }
        counts[key] = (counts[key] ?? 0) + 1;
        finish(now);
      });
    },
  );
  req.on('error', (e) => {
    counts.network_error = (counts.network_error ?? 0) + 1;
    firstError ??= String(e);
    latencies[i] = performance.now() - due;
    finish(performance.now());
  });
  req.end(body);
}

let resolveDone;
const done = new Promise((r) => (resolveDone = r));
function finish(now) {
  answered++;
  lastAnswerAt = now;
  if (answered === total) resolveDone();
}

const cpu0 = process.cpuUsage();
const start = performance.now();
const startedAtMs = Date.now();
await new Promise((resolve) => {
  const tick = () => {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - start) * rate) / 1000) + 1);
    if (due > sent) maxLagMs = Math.max(maxLagMs, now - (start + (sent * 1000) / rate));
    maxWaiting = Math.max(maxWaiting, sent - answered - connections);
    while (sent < due) {
      stamp(sent, start + (sent * 1000) / rate);
      sent++;
    }
    if (sent >= total) resolve();
    else setTimeout(tick, 1);
  };
  tick();
});
const sendEnd = performance.now();
await done;
agent.destroy();
const cpu = process.cpuUsage(cpu0);

const sorted = Array.from(latencies).sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const recorded = Object.entries(counts)
  .filter(([k]) => /^status_20[01]_(arrived|departed)$/.test(k))
  .reduce((s, [, v]) => s + v, 0);
const answerSpan = (lastAnswerAt - start) / 1000;
const result = {
  rate_asked: rate,
  duration_s: duration,
  connections,
  started_at_ms: startedAtMs,
  requests: total,
  send_seconds: (sendEnd - start) / 1000,
  sent_per_s: total / ((sendEnd - start) / 1000),
  answered_per_s: total / answerSpan,
  recorded_stamps: recorded,
  recorded_per_s: recorded / answerSpan,
  counts,
  latency_ms: { p50: pct(50), p90: pct(90), p99: pct(99), max: sorted[sorted.length - 1] },
  max_scheduler_lag_ms: maxLagMs,
  max_waiting_for_a_connection: Math.max(0, maxWaiting),
  cpu_seconds: (cpu.user + cpu.system) / 1e6,
  first_error: firstError,
};
if (args.get('out')) writeFileSync(args.get('out'), JSON.stringify(result, null, 1));
console.log(
  `stamp_load: ${total} stamps asked at ${rate}/s for ${duration} s: issued at ${result.sent_per_s.toFixed(0)}/s, ` +
    `answered at ${result.answered_per_s.toFixed(0)}/s (${recorded} recorded); latency from due time ` +
    `p50 ${result.latency_ms.p50.toFixed(1)} ms, p99 ${result.latency_ms.p99.toFixed(1)} ms, max ${result.latency_ms.max.toFixed(1)} ms; ` +
    `scheduler lag max ${maxLagMs.toFixed(1)} ms; ${JSON.stringify(counts)}`,
);
