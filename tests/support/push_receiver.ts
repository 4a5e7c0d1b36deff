// A local stand-in for a Web Push service (RFC 8030) on a free port of 127.0.0.1. It makes
// subscriptions for fake devices (a P-256 key pair and a 16-byte auth secret each, as a
// browser does) and checks every push the way a real push service would, then decrypts it
// the way the browser would:
//   - Authorization: vapid t=<JWT>, k=<key> (RFC 8292): k is the server's VAPID public key,
//     the JWT is ES256 with a valid raw r||s signature, aud is this receiver's origin, exp
//     is in the future and at most 24 h ahead of now() (the server's pinned clock), sub is
//     a mailto: or https: URI;
//   - Content-Encoding: aes128gcm and a TTL; Urgency and Topic, when sent, as RFC 8030 says;
//   - the body (at most 4096 bytes) decrypts with the device's keys (RFC 8291) to JSON.
// A push that fails a check is answered 400 and recorded as a failure; one that passes is
// answered 201, unless the test programmed another answer for that device (410, 429 with
// Retry-After, 500…), which is given once per push, in order.

import {
  createECDH,
  createHmac,
  createDecipheriv,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type ECDH,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { until } from './poll';

const b64u = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url');

/** Strict base64url without padding; throws on anything else. */
export function fromB64u(s: string, what = 'value'): Buffer {
  if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error(`${what} is not base64url (no padding)`);
  return Buffer.from(s, 'base64url');
}

/** A P-256 public key object from the 65-byte uncompressed point; throws if not on the curve. */
export function p256PublicKey(point: Buffer) {
  if (point.length !== 65 || point[0] !== 0x04) throw new Error('not a 65-byte uncompressed P-256 point');
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) }, format: 'jwk' });
}

export interface Decrypted {
  plaintext: Buffer;
  salt: Buffer;
  rs: number;
  /** The sender's ephemeral public key (keyid). */
  keyid: Buffer;
  records: number;
}

/**
 * RFC 8291 / RFC 8188 aes128gcm decryption as a browser does it, with the subscription's
 * private key `uaPrivate` (32 bytes) and auth secret. Throws with the reason on any fault.
 */
export function decryptAes128gcm(body: Buffer, uaPrivate: Buffer, authSecret: Buffer): Decrypted {
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  if (rs < 18) throw new Error(`record size ${rs} < 18`);
  if (idlen !== 65) throw new Error(`keyid length ${idlen}, want 65 (the sender's P-256 public key)`);
  if (body.length < 21 + idlen) throw new Error('body shorter than its keyid');
  const keyid = body.subarray(21, 21 + idlen);
  const content = body.subarray(21 + idlen);
  if (content.length === 0) throw new Error('no records');

  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(uaPrivate);
  const uaPublic = ecdh.getPublicKey();
  p256PublicKey(keyid); // on the curve
  const shared = ecdh.computeSecret(keyid);
  // RFC 8291 section 3.4: IKM from the ECDH secret and the auth secret.
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), uaPublic, keyid]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
  // RFC 8188 section 2.2/2.3: content-encryption key and nonce from the salt.
  const prk = createHmac('sha256', salt).update(ikm).digest();
  const expand = (info: string, len: number) =>
    createHmac('sha256', prk).update(Buffer.concat([Buffer.from(info, 'latin1'), Buffer.from([1])])).digest().subarray(0, len);
  const cek = expand('Content-Encoding: aes128gcm\0', 16);
  const nonceBase = expand('Content-Encoding: nonce\0', 12);

  const parts: Buffer[] = [];
  let records = 0;
  for (let off = 0; off < content.length; off += rs) {
    const record = content.subarray(off, Math.min(off + rs, content.length));
    const last = off + rs >= content.length;
    if (record.length < 17) throw new Error(`record ${records} too short`);
    // The nonce is the base XOR the record's sequence number (96-bit big-endian).
    const nonce = Buffer.from(nonceBase);
    const seq = Buffer.alloc(12);
    seq.writeUInt32BE(records, 8);
    for (let i = 0; i < 12; i++) nonce[i] ^= seq[i];
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    } catch {
      throw new Error(`record ${records} does not decrypt (wrong keys or corrupted)`);
    }
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    if (end < 0) throw new Error(`record ${records} has no padding delimiter`);
    const delimiter = plain[end];
    if (last && delimiter !== 2) throw new Error(`last record's padding delimiter is ${delimiter}, want 2`);
    if (!last && delimiter !== 1) throw new Error(`record ${records}'s padding delimiter is ${delimiter}, want 1`);
    parts.push(plain.subarray(0, end));
    records++;
  }
  return { plaintext: Buffer.concat(parts), salt: Buffer.from(salt), rs, keyid: Buffer.from(keyid), records };
}

export interface VapidToken {
  header: Record<string, unknown>;
  claims: { aud: string; exp: number; sub: string; [k: string]: unknown };
  /** k= of the Authorization header. */
  key: string;
}

/**
 * Checks an `Authorization: vapid t=…, k=…` header as a push service does (RFC 8292).
 * Throws with the reason on any fault.
 */
export function verifyVapid(
  authorization: string | undefined,
  want: { key: string; audience: string; now: Date; skewSeconds?: number },
): VapidToken {
  if (!authorization) throw new Error('no Authorization header');
  const m = /^vapid\s+(.*)$/i.exec(authorization.trim());
  if (!m) throw new Error(`Authorization scheme is not vapid: ${authorization.slice(0, 40)}`);
  const params: Record<string, string> = {};
  for (const part of m[1].split(',')) {
    const p = /^\s*([A-Za-z]+)\s*=\s*("?)([^",\s]*)\2\s*$/.exec(part);
    if (!p) throw new Error(`bad auth-param ${JSON.stringify(part)}`);
    params[p[1].toLowerCase()] = p[3];
  }
  const { t, k } = params;
  if (!t || !k) throw new Error('Authorization lacks t= or k=');
  const point = fromB64u(k, 'k');
  if (k !== want.key) throw new Error(`k=${k} is not the server's VAPID public key ${want.key}`);
  const publicKey = p256PublicKey(point);
  const segs = t.split('.');
  if (segs.length !== 3) throw new Error('the JWT does not have three parts');
  const header = JSON.parse(fromB64u(segs[0], 'JWT header').toString('utf8'));
  const claims = JSON.parse(fromB64u(segs[1], 'JWT claims').toString('utf8'));
  const sig = fromB64u(segs[2], 'JWT signature');
  if (header.alg !== 'ES256') throw new Error(`JWT alg ${header.alg}, want ES256`);
  if (header.typ !== undefined && header.typ !== 'JWT') throw new Error(`JWT typ ${header.typ}`);
  if (sig.length !== 64) throw new Error(`signature of ${sig.length} bytes, want 64 (raw r||s)`);
  const ok = verify('sha256', Buffer.from(`${segs[0]}.${segs[1]}`, 'latin1'), { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig);
  if (!ok) throw new Error('the JWT signature does not verify with k');
  if (claims.aud !== want.audience) throw new Error(`aud ${JSON.stringify(claims.aud)}, want ${want.audience}`);
  if (typeof claims.exp !== 'number' || !Number.isInteger(claims.exp)) throw new Error(`exp ${JSON.stringify(claims.exp)} is not an integer`);
  const now = Math.floor(want.now.getTime() / 1000);
  const skew = want.skewSeconds ?? 0;
  if (claims.exp <= now - skew) throw new Error(`exp ${claims.exp} is not in the future (now ${now})`);
  if (claims.exp > now + 86400 + skew) throw new Error(`exp ${claims.exp} is more than 24 h after now ${now}`);
  if (typeof claims.sub !== 'string' || !/^(mailto:.+|https:.+)$/.test(claims.sub)) throw new Error(`sub ${JSON.stringify(claims.sub)} is not mailto: or https:`);
  return { header, claims, key: k };
}

export interface PushSubscriptionJSON {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

export interface PushDevice {
  id: string;
  endpoint: string;
  /** What the browser's PushSubscription.toJSON() gives, to POST to the server. */
  subscription: PushSubscriptionJSON;
  ecdh: ECDH;
  auth: Buffer;
}

export interface PushAnswer {
  status: number;
  /** Retry-After header (seconds or an HTTP date). */
  retryAfter?: string | number;
}

export interface PushAttempt {
  device: string;
  /** Receiver's wall clock. */
  receivedAt: Date;
  status: number;
  /** Why a check failed (status 400 or 404); absent when every check passed. */
  failure?: string;
  headers: { contentEncoding?: string; contentType?: string; ttl?: string; urgency?: string; topic?: string };
  vapid?: VapidToken;
  /** The decrypted JSON (when decryption succeeded). */
  payload?: any;
  records?: number;
}

export interface PushReceiver {
  readonly origin: string;
  readonly port: number;
  /** Sets the VAPID public key pushes must carry (the server's /api/v1/push/public-key). */
  expectKey(key: string): void;
  /** A new fake device with its subscription. */
  device(): PushDevice;
  /** The next pushes to `device` get these answers, one each, in order; then 201 again. */
  answer(device: PushDevice | string, ...answers: PushAnswer[]): void;
  /**
   * While down, every push (checked and decrypted as usual) is answered 503: the push
   * service is unavailable, nothing is delivered.
   */
  down(on: boolean): void;
  /** Holds every answer `ms` milliseconds, as a push service across the internet takes. */
  hold(ms: number): void;
  /** The most pushes that were waiting for their answers at one time. */
  maxInFlight(): number;
  /**
   * New keys for the device's subscription (same endpoint), as a browser makes after a
   * key rotation; pushes must use them from now on. Returns the new subscription.
   */
  rekey(device: PushDevice): PushSubscriptionJSON;
  /** Every push received (optionally for one device), oldest first. */
  attempts(device?: PushDevice | string): PushAttempt[];
  /** Pushes that passed every check and were answered 2xx. */
  delivered(device?: PushDevice | string): PushAttempt[];
  /** Pushes that failed a check. */
  failures(): PushAttempt[];
  waitFor(pred: (delivered: PushAttempt[]) => boolean, ms: number, what: string): Promise<PushAttempt[]>;
  close(): Promise<void>;
}

const URGENCIES = ['very-low', 'low', 'normal', 'high'];

/** Starts the receiver. `now` is the server's clock (exp is checked against it). */
export async function startPushReceiver(options: { now: () => Date; vapidKey?: string; skewSeconds?: number }): Promise<PushReceiver> {
  const devices = new Map<string, PushDevice>();
  const queued = new Map<string, PushAnswer[]>();
  const log: PushAttempt[] = [];
  let outage = false;
  let holdMs = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let key = options.vapidKey ?? '';
  let origin = '';
  const idOf = (d: PushDevice | string) => (typeof d === 'string' ? d : d.id);

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const h = req.headers;
    const one = (name: string) => {
      const v = h[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const m = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
    const attempt: PushAttempt = {
      device: m?.[1] ?? String(req.url),
      receivedAt: new Date(),
      status: 0,
      headers: { contentEncoding: one('content-encoding'), contentType: one('content-type'), ttl: one('ttl'), urgency: one('urgency'), topic: one('topic') },
    };
    log.push(attempt);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const send = (status: number, extra: Record<string, string> = {}, text = '') => {
      attempt.status = status;
      const answer = () => {
        inFlight--;
        res.writeHead(status, { 'Content-Type': 'text/plain', ...extra });
        res.end(text);
      };
      if (holdMs) setTimeout(answer, holdMs);
      else answer();
    };
    const fail = (status: number, why: string) => {
      attempt.failure = why;
      send(status, {}, why);
    };
    if (req.method !== 'POST') return fail(405, `method ${req.method}`);
    const device = m ? devices.get(m[1]) : undefined;
    if (!device) return fail(404, `no such subscription ${req.url}`);
    try {
      attempt.vapid = verifyVapid(one('authorization'), { key, audience: origin, now: options.now(), skewSeconds: options.skewSeconds ?? 5 });
    } catch (e) {
      return fail(400, `VAPID: ${(e as Error).message}`);
    }
    if (attempt.headers.contentEncoding !== 'aes128gcm') return fail(400, `Content-Encoding ${attempt.headers.contentEncoding}, want aes128gcm`);
    if (attempt.headers.ttl === undefined || !/^\d+$/.test(attempt.headers.ttl)) return fail(400, `TTL ${attempt.headers.ttl} is not a number of seconds`);
    if (attempt.headers.urgency !== undefined && !URGENCIES.includes(attempt.headers.urgency)) return fail(400, `Urgency ${attempt.headers.urgency}`);
    if (attempt.headers.topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(attempt.headers.topic)) return fail(400, `Topic ${attempt.headers.topic} is not up to 32 base64url characters`);
    if (body.length > 4096) return fail(400, `payload of ${body.length} bytes, more than 4096`);
    let plain: Decrypted;
    try {
      plain = decryptAes128gcm(body, device.ecdh.getPrivateKey(), device.auth);
    } catch (e) {
      return fail(400, `decryption: ${(e as Error).message}`);
    }
    attempt.records = plain.records;
    if (plain.records !== 1) return fail(400, `${plain.records} records; RFC 8291 wants a single record`);
    try {
      attempt.payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain.plaintext));
    } catch {
      return fail(400, 'the decrypted payload is not UTF-8 JSON');
    }
    if (outage) return send(503, {}, 'push service unavailable');
    const programmed = queued.get(device.id)?.shift();
    if (programmed) {
      const extra: Record<string, string> = {};
      if (programmed.retryAfter !== undefined) extra['Retry-After'] = String(programmed.retryAfter);
      return send(programmed.status, extra, 'programmed answer');
    }
    send(201, { Location: `${origin}/message/${b64u(randomBytes(9))}` });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 65536) chunks.push(c);
    });
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  const ok = (a: PushAttempt) => !a.failure && a.status >= 200 && a.status <= 299;

  return {
    origin,
    port,
    expectKey(k) {
      key = k;
    },
    device() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = `dev${b64u(randomBytes(9))}`;
      const endpoint = `${origin}/push/${id}`;
      const device: PushDevice = {
        id,
        endpoint,
        ecdh,
        auth,
        subscription: { endpoint, expirationTime: null, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } },
      };
      devices.set(id, device);
      return device;
    },
    down(on) {
      outage = on;
    },
    hold(ms) {
      holdMs = ms;
    },
    maxInFlight() {
      return maxInFlight;
    },
    rekey(device) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      device.ecdh = ecdh;
      device.auth = randomBytes(16);
      device.subscription = { endpoint: device.endpoint, expirationTime: null, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(device.auth) } };
      return device.subscription;
    },
    answer(device, ...answers) {
      const id = idOf(device);
      queued.set(id, [...(queued.get(id) ?? []), ...answers]);
    },
    attempts: (device) => log.filter((a) => !device || a.device === idOf(device)),
    delivered: (device) => log.filter((a) => ok(a) && (!device || a.device === idOf(device))),
    failures: () => log.filter((a) => a.failure),
    waitFor(pred, ms, what) {
      return until(() => {
        const d = log.filter(ok);
        return pred(d) ? d : null;
      }, ms, what);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
