// The notification benchmark's push service: a local stand-in for a Web Push service
// (RFC 8030) on 127.0.0.1, built for volume. bench/notify starts it.
//
//   node bench/push_receiver.mjs --log FILE [--port 0] [--sample 100] [--clock-start RFC3339] [--delay-ms 0]
//
// At start it makes ONE device key pair (P-256) and auth secret, shared by every
// subscription the bench seeds, and prints one JSON line on stdout:
//   {"port": N, "p256dh": "<base64url 65-byte point>", "auth": "<base64url 16 bytes>"}
// Every POST /push/<device> is checked as a push service would, cheaply:
//   - Content-Encoding: aes128gcm, Content-Type: application/octet-stream, a TTL, a Topic
//     (at most 32 base64url characters, RFC 8030), Urgency (if sent) a known value, a
//     body of at most 4096 bytes with a 65-byte keyid;
//   - Authorization: vapid t=<JWT>, k=<key> (RFC 8292): the ES256 signature (raw r||s)
//     verified with k, once per distinct header (the server reuses its token); header
//     typ JWT / alg ES256; for every push: aud is this receiver's origin, exp is ahead of
//     the server's clock (pinned at --clock-start when the receiver started, then running)
//     and at most 24 h ahead, sub a mailto: or https: URI; one k for the whole run.
// The first and every --sample-th push are also decrypted (RFC 8291) with the shared keys as the browser
// would: its JSON must carry id = the Topic, a kind, title, body, child and facility (a
// message: its id and the link to it in the app).
// A push that fails a check is answered 400 and counted; one that passes gets 201.
//
// --delay-ms holds each answer that long, as a push service across the internet takes.
//
// Each answered push appends "topic<TAB>device<TAB>arrival ms (Unix)<TAB>status" to --log.
// GET /stats answers the counters as JSON. On SIGTERM the log is flushed, the counters
// are written to --log.json, and the process exits.

import { createECDH, createDecipheriv, createHmac, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const logPath = args.get('log');
if (!logPath) {
  console.error('usage: node bench/push_receiver.mjs --log FILE [--port 0] [--sample 100] [--clock-start RFC3339]');
  process.exit(2);
}
const sampleEvery = Number(args.get('sample') ?? 100);
if (!Number.isInteger(sampleEvery) || sampleEvery < 1) {
  console.error('push_receiver: --sample must be a positive integer');
  process.exit(2);
}
// The server's clock minus ours (the server is started after us with the same pinned
// start, so its clock is at most the seeding time behind this estimate).
let clockOffsetMs = 0;
if (args.get('clock-start')) {
  const start = Date.parse(args.get('clock-start'));
  if (Number.isNaN(start)) {
    console.error('push_receiver: --clock-start must be an RFC 3339 time');
    process.exit(2);
  }
  clockOffsetMs = start - Date.now();
}
const SLACK_MS = 10 * 60 * 1000;
const delayMs = Number(args.get('delay-ms') ?? 0);
if (!Number.isInteger(delayMs) || delayMs < 0) {
  console.error('push_receiver: --delay-ms must be a whole number');
  process.exit(2);
}

const b64u = (b) => Buffer.from(b).toString('base64url');
const device = createECDH('prime256v1');
device.generateKeys();
const devicePublic = device.getPublicKey(); // 65 bytes, uncompressed
const authSecret = randomBytes(16);

const stats = {
  requests: 0,
  accepted: 0,
  rejected: 0,
  rejections: {}, // reason -> count
  first_rejection: null,
  decrypted: 0,
  decrypt_failures: 0,
  first_decrypt_failure: null,
  vapid_tokens_verified: 0,
  vapid_keys: [],
  first_arrival_ms: null,
  last_arrival_ms: null,
};

const log = createWriteStream(logPath);
let origin = '';

function p256Key(point) {
  if (point.length !== 65 || point[0] !== 4) throw new Error('not a 65-byte uncompressed P-256 point');
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
}

// Authorization header -> its parsed claims, after the signature was verified once.
const verifiedTokens = new Map();
function vapidClaims(header) {
  const hit = verifiedTokens.get(header);
  if (hit) return hit;
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) throw new Error('Authorization is not "vapid t=<JWT>, k=<key>"');
  const [h, c, s] = m[1].split('.');
  const head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  if (head.typ !== 'JWT' || head.alg !== 'ES256') throw new Error(`JWT header ${JSON.stringify(head)}`);
  const sig = Buffer.from(s, 'base64url');
  if (sig.length !== 64) throw new Error(`signature of ${sig.length} bytes, want raw r||s (64)`);
  const key = p256Key(Buffer.from(m[2], 'base64url'));
  if (!verify('sha256', Buffer.from(`${h}.${c}`, 'latin1'), { key, dsaEncoding: 'ieee-p1363' }, sig))
    throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
  if (!stats.vapid_keys.includes(m[2])) stats.vapid_keys.push(m[2]);
  if (stats.vapid_keys.length > 1) throw new Error('a second VAPID key in one run');
  stats.vapid_tokens_verified++;
  verifiedTokens.set(header, claims);
  return claims;
}

function checkClaims(claims) {
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud}, want ${origin}`);
  const serverNow = Date.now() + clockOffsetMs;
  if (!Number.isInteger(claims.exp)) throw new Error('exp is not an integer');
  if (claims.exp * 1000 <= serverNow - SLACK_MS) throw new Error('exp is in the past');
  if (claims.exp * 1000 > serverNow + 24 * 3600 * 1000 + SLACK_MS) throw new Error('exp is more than 24 h ahead');
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${claims.sub}`);
}

// RFC 8291 / RFC 8188 decryption with the shared device keys, as a browser does it.
function decrypt(body) {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  if (idlen !== 65) throw new Error(`keyid of ${idlen} bytes`);
  const keyid = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (record.length > rs) throw new Error('more than one record');
  if (record.length < 17) throw new Error('record shorter than its tag');
  const shared = device.computeSecret(keyid);
  const info = Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), devicePublic, keyid]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, info, 32));
  const prk = createHmac('sha256', salt).update(ikm).digest();
  const expand = (label, n) =>
    createHmac('sha256', prk).update(Buffer.concat([Buffer.from(label, 'latin1'), Buffer.from([1])])).digest().subarray(0, n);
  const decipher = createDecipheriv('aes-128-gcm', expand('Content-Encoding: aes128gcm\0', 16), expand('Content-Encoding: nonce\0', 12));
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 2) throw new Error('no last-record delimiter 0x02');
  return JSON.parse(padded.subarray(0, end).toString('utf8'));
}

function check(req, body) {
  const h = req.headers;
  if (h['content-encoding'] !== 'aes128gcm') throw new Error(`Content-Encoding ${h['content-encoding']}`);
  if (h['content-type'] !== 'application/octet-stream') throw new Error(`Content-Type ${h['content-type']}`);
  if (!/^\d+$/.test(h.ttl ?? '')) throw new Error(`TTL ${h.ttl}`);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(h.topic ?? '')) throw new Error(`Topic ${h.topic}`);
  if (h.urgency !== undefined && !['very-low', 'low', 'normal', 'high'].includes(h.urgency)) throw new Error(`Urgency ${h.urgency}`);
  if (body.length > 4096) throw new Error(`body of ${body.length} bytes`);
  if (body.length < 21 + 65 + 17) throw new Error(`body of ${body.length} bytes is too short`);
  checkClaims(vapidClaims(h.authorization));
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  const m = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !m) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const arrival = Date.now();
    const body = Buffer.concat(chunks);
    const n = ++stats.requests;
    stats.first_arrival_ms ??= arrival;
    stats.last_arrival_ms = arrival;
    let status = 201;
    try {
      check(req, body);
    } catch (e) {
      status = 400;
      stats.rejected++;
      const reason = String(e.message).replace(/[0-9]+/g, 'N').slice(0, 80);
      stats.rejections[reason] = (stats.rejections[reason] ?? 0) + 1;
      stats.first_rejection ??= `${req.headers.topic}: ${e.message}`;
    }
    if (status === 201 && (n === 1 || n % sampleEvery === 0)) {
      try {
        const msg = decrypt(body);
        if (msg.id !== req.headers.topic) throw new Error(`payload id ${msg.id}, Topic ${req.headers.topic}`);
        if (msg.kind === 'message') {
          for (const key of ['title', 'body', 'message_id', 'url'])
            if (typeof msg[key] !== 'string' || msg[key] === '') throw new Error(`payload without ${key}`);
          if (msg.url !== `/app/messages/${msg.message_id}`) throw new Error(`payload url ${msg.url}`);
        } else {
          for (const key of ['kind', 'title', 'body', 'child_name', 'facility_name', 'child_id', 'facility_id', 'at'])
            if (typeof msg[key] !== 'string' || msg[key] === '') throw new Error(`payload without ${key}`);
          if (!['arrival', 'departure'].includes(msg.kind)) throw new Error(`payload kind ${msg.kind}`);
          if (!msg.body.includes(msg.child_name)) throw new Error('the body does not name the child');
        }
        stats.decrypted++;
      } catch (e) {
        status = 400;
        stats.decrypt_failures++;
        stats.first_decrypt_failure ??= `${req.headers.topic}: ${e.message}`;
      }
    }
    if (status === 201) stats.accepted++;
    log.write(`${req.headers.topic ?? ''}\t${m[1]}\t${arrival}\t${status}\n`);
    if (delayMs) setTimeout(() => res.writeHead(status).end(), delayMs);
    else res.writeHead(status).end();
  });
});

server.listen(Number(args.get('port') ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  origin = `http://127.0.0.1:${port}`;
  process.stdout.write(`${JSON.stringify({ port, p256dh: b64u(devicePublic), auth: b64u(authSecret) })}\n`);
});

process.on('SIGTERM', () => {
  server.close();
  log.end(() => {
    writeFileSync(`${logPath}.json`, JSON.stringify(stats, null, 1));
    process.exit(0);
  });
});
