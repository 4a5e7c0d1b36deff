// The notification tests' instruments are honest: the push receiver decrypts the worked
// example of RFC 8291 section 5 and refuses every push a real push service would refuse;
// the SMTP sink (python3-aiosmtpd) reads a message composed by Python's own e-mail package,
// reports a malformed one, refuses mail when told to, and comes back on the same port.
import { execFile } from 'node:child_process';
import { createCipheriv, createECDH, generateKeyPairSync, hkdfSync, randomBytes, sign, type ECDH, type KeyObject } from 'node:crypto';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAes128gcm, fromB64u, startPushReceiver, startSmtpSink, type PushDevice, type PushReceiver, type SmtpSink } from '../support';

const run = promisify(execFile);

// RFC 8291 section 5 (the worked example), base64url as printed there.
const RFC = {
  plaintext: 'When I grow up, I want to be a watermelon',
  asPublic: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8',
  asPrivate: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw',
  uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
  uaPrivate: 'q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94',
  salt: 'DGv6ra1nlYgDCS1FRnbzlw',
  auth: 'BTBZMqHH6r4Tts7J_aSIgg',
  body:
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
};

/** The application server's side of RFC 8291, written here only to exercise the receiver. */
function encrypt(plaintext: Buffer, uaPublic: Buffer, auth: Buffer, given?: ECDH, salt: Buffer = randomBytes(16)): Buffer {
  const as = given ?? createECDH('prime256v1');
  if (!given) as.generateKeys();
  const asPublic = as.getPublicKey();
  const shared = as.computeSecret(uaPublic);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]), 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const sealed = Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.from([2])])), cipher.final(), cipher.getAuthTag()]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(4096, 16);
  header[20] = 65;
  return Buffer.concat([header, asPublic, sealed]);
}

function jwt(key: KeyObject, claims: Record<string, unknown>, header: Record<string, unknown> = { typ: 'JWT', alg: 'ES256' }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc(header)}.${enc(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

describe('RFC 8291 decryption', () => {
  it('decrypts the worked example of section 5', () => {
    const ua = createECDH('prime256v1');
    ua.setPrivateKey(fromB64u(RFC.uaPrivate));
    expect(ua.getPublicKey().toString('base64url')).toBe(RFC.uaPublic);
    const out = decryptAes128gcm(fromB64u(RFC.body), fromB64u(RFC.uaPrivate), fromB64u(RFC.auth));
    expect(out.plaintext.toString('utf8')).toBe(RFC.plaintext);
    expect(out).toMatchObject({ rs: 4096, records: 1 });
    expect(out.salt.toString('base64url')).toBe(RFC.salt);
    expect(out.keyid.toString('base64url')).toBe(RFC.asPublic);
  });

  it('the test encryptor reproduces the example byte for byte', () => {
    const as = createECDH('prime256v1');
    as.setPrivateKey(fromB64u(RFC.asPrivate));
    const body = encrypt(Buffer.from(RFC.plaintext), fromB64u(RFC.uaPublic), fromB64u(RFC.auth), as, fromB64u(RFC.salt));
    expect(body.toString('base64url')).toBe(RFC.body);
  });

  it('refuses a wrong auth secret, a wrong key and a flipped bit', () => {
    const body = fromB64u(RFC.body);
    expect(() => decryptAes128gcm(body, fromB64u(RFC.uaPrivate), randomBytes(16))).toThrow(/does not decrypt/);
    expect(() => decryptAes128gcm(body, randomBytes(32), fromB64u(RFC.auth))).toThrow(/does not decrypt/);
    const flipped = Buffer.from(body);
    flipped[flipped.length - 20] ^= 1;
    expect(() => decryptAes128gcm(flipped, fromB64u(RFC.uaPrivate), fromB64u(RFC.auth))).toThrow(/does not decrypt/);
  });
});

describe('push receiver', () => {
  let receiver: PushReceiver;
  let device: PushDevice;
  const vapid = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const vapidKey = (() => {
    const jwk = vapid.publicKey.export({ format: 'jwk' });
    return Buffer.concat([Buffer.from([4]), fromB64u(jwk.x!), fromB64u(jwk.y!)]).toString('base64url');
  })();
  // The receiver's clock: a pinned instant far from the machine's.
  const NOW = new Date('2027-06-10T06:00:00Z');
  const nowS = Math.floor(NOW.getTime() / 1000);

  beforeAll(async () => {
    receiver = await startPushReceiver({ now: () => NOW, vapidKey });
    device = receiver.device();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const good = () => ({ aud: receiver.origin, exp: nowS + 12 * 3600, sub: 'mailto:ops@tadaima.example' });
  async function push(over: { token?: string; key?: string; headers?: Record<string, string>; body?: Buffer; to?: PushDevice } = {}) {
    const to = over.to ?? device;
    const payload = Buffer.from(JSON.stringify({ id: 'n1', title: 'お迎え' }));
    const res = await fetch(to.endpoint, {
      method: 'POST',
      headers: {
        Authorization: `vapid t=${over.token ?? jwt(vapid.privateKey, good())}, k=${over.key ?? vapidKey}`,
        'Content-Encoding': 'aes128gcm',
        'Content-Type': 'application/octet-stream',
        TTL: '86400',
        Urgency: 'high',
        Topic: '01jx0000000000000000000000',
        ...over.headers,
      },
      body: new Uint8Array(over.body ?? encrypt(payload, to.ecdh.getPublicKey(), to.auth)),
    });
    return res.status;
  }

  it('takes a well-formed push: 201, decrypted and recorded', async () => {
    expect(device.subscription).toEqual({ endpoint: `${receiver.origin}/push/${device.id}`, expirationTime: null, keys: { p256dh: expect.any(String), auth: expect.any(String) } });
    expect(fromB64u(device.subscription.keys.p256dh)).toHaveLength(65);
    expect(fromB64u(device.subscription.keys.auth)).toHaveLength(16);
    expect(await push()).toBe(201);
    const [got] = receiver.delivered(device);
    expect(got.payload).toEqual({ id: 'n1', title: 'お迎え' });
    expect(got.vapid?.claims).toEqual(good());
    expect(got.headers).toMatchObject({ ttl: '86400', urgency: 'high', topic: '01jx0000000000000000000000', contentEncoding: 'aes128gcm' });
    expect(receiver.failures()).toEqual([]);
  });

  it('refuses with 400 what a real push service refuses, and records why', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const cases: [string, Parameters<typeof push>[0], RegExp][] = [
      ['no Authorization', { headers: { Authorization: '' } }, /no Authorization|scheme/],
      ['another k', { key: receiver.device().subscription.keys.p256dh }, /not the server's VAPID/],
      ['signed by another key', { token: jwt(other.privateKey, good()) }, /signature does not verify/],
      ['alg none', { token: jwt(vapid.privateKey, good(), { typ: 'JWT', alg: 'none' }) }, /alg/],
      ['another aud', { token: jwt(vapid.privateKey, { ...good(), aud: 'https://push.example.net' }) }, /aud/],
      ['expired', { token: jwt(vapid.privateKey, { ...good(), exp: nowS - 60 }) }, /not in the future/],
      ['exp more than 24 h ahead', { token: jwt(vapid.privateKey, { ...good(), exp: nowS + 86400 + 3600 }) }, /24 h/],
      ['sub not mailto/https', { token: jwt(vapid.privateKey, { ...good(), sub: 'http://tadaima.example' }) }, /sub/],
      ['no sub', { token: jwt(vapid.privateKey, { aud: receiver.origin, exp: nowS + 60 }) }, /sub/],
      ['aesgcm', { headers: { 'Content-Encoding': 'aesgcm' } }, /Content-Encoding/],
      ['no TTL', { headers: { TTL: '' } }, /TTL/],
      ['bad Urgency', { headers: { Urgency: 'urgent' } }, /Urgency/],
      ['long Topic', { headers: { Topic: 'x'.repeat(33) } }, /Topic/],
      ['another device’s keys', { body: encrypt(Buffer.from('{}'), receiver.device().ecdh.getPublicKey(), randomBytes(16)) }, /decryption/],
      ['more than 4096 bytes', { body: encrypt(Buffer.alloc(4100, 0x20), device.ecdh.getPublicKey(), device.auth) }, /4096/],
    ];
    const before = receiver.delivered().length;
    for (const [what, over, why] of cases) {
      const headers = { ...over?.headers };
      // fetch cannot send an empty header: leave it out instead.
      const status = await (async () => {
        if (Object.values(headers).includes('')) {
          const h = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
          const drop = Object.keys(headers).filter((k) => headers[k] === '');
          return pushWithout(drop, { ...over, headers: h });
        }
        return push(over);
      })();
      expect(status, what).toBe(400);
      expect(receiver.attempts().at(-1)!.failure, what).toMatch(why);
    }
    expect(receiver.delivered().length, 'nothing refused counts as delivered').toBe(before);
  });

  async function pushWithout(drop: string[], over: Parameters<typeof push>[0]) {
    const payload = Buffer.from('{}');
    const headers: Record<string, string> = {
      Authorization: `vapid t=${jwt(vapid.privateKey, good())}, k=${vapidKey}`,
      'Content-Encoding': 'aes128gcm',
      TTL: '60',
      ...over?.headers,
    };
    for (const d of drop) delete headers[d];
    const res = await fetch(device.endpoint, { method: 'POST', headers, body: new Uint8Array(encrypt(payload, device.ecdh.getPublicKey(), device.auth)) });
    return res.status;
  }

  it('gives programmed answers once each, in order, then 201', async () => {
    const d = receiver.device();
    receiver.answer(d, { status: 429, retryAfter: 3 }, { status: 500 }, { status: 410 });
    const r1 = await fetch(d.endpoint, { method: 'POST', headers: { Authorization: `vapid t=${jwt(vapid.privateKey, good())}, k=${vapidKey}`, 'Content-Encoding': 'aes128gcm', TTL: '0' }, body: new Uint8Array(encrypt(Buffer.from('{"n":1}'), d.ecdh.getPublicKey(), d.auth)) });
    expect([r1.status, r1.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await push({ to: d })).toBe(500);
    expect(await push({ to: d })).toBe(410);
    expect(await push({ to: d })).toBe(201);
    expect(receiver.attempts(d).map((a) => a.status)).toEqual([429, 500, 410, 201]);
    expect(receiver.delivered(d)).toHaveLength(1);
    expect(receiver.attempts(d)[0].payload, 'decrypted even when refused').toEqual({ n: 1 });
  });

  it('while down answers 503 and delivers nothing; after a key rotation only the new keys decrypt', async () => {
    const d = receiver.device();
    receiver.down(true);
    expect(await push({ to: d })).toBe(503);
    receiver.down(false);
    expect(await push({ to: d })).toBe(201);
    expect(receiver.delivered(d)).toHaveLength(1);
    const oldKey = d.ecdh.getPublicKey();
    const oldAuth = d.auth;
    const fresh = receiver.rekey(d);
    expect(fresh.endpoint).toBe(d.endpoint);
    expect(fresh.keys.p256dh).not.toBe(oldKey.toString('base64url'));
    expect(await push({ to: d, body: encrypt(Buffer.from('{}'), oldKey, oldAuth) })).toBe(400);
    expect(await push({ to: d })).toBe(201);
    expect(receiver.delivered(d)).toHaveLength(2);
  });

  it('answers 404 for an unknown subscription', async () => {
    const res = await fetch(`${receiver.origin}/push/devnobody`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('SMTP sink', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  /** Sends with Python's smtplib a message composed by Python's e-mail package. */
  async function pySend(subject: string, body: string, to = 'hanako@example.jp') {
    const script = `
import email.policy, smtplib, sys
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
# Python folds by line length only: at 78 an encoded word can reach 76 characters,
# one more than RFC 2047 allows, so fold a little shorter.
m = EmailMessage(policy=email.policy.default.clone(max_line_length=76))
m['Subject'] = sys.argv[2]
m['From'] = 'Tadaima <noreply@tadaima.example>'
m['To'] = sys.argv[4]
m['Date'] = formatdate(localtime=False)
m['Message-ID'] = make_msgid(domain='tadaima.example')
m.set_content(sys.argv[3], charset='utf-8', cte='base64')
with smtplib.SMTP('127.0.0.1', int(sys.argv[1])) as s:
    s.send_message(m)
`;
    return run('/usr/bin/python3', ['-c', script, String(sink.port), subject, body, to]);
  }

  it('reads a Japanese message composed by Python’s e-mail package', async () => {
    const subject = '【ただいま】山田 太郎さんが ひまわり学童 に到着しました（15:02）';
    const body = '山田 太郎さんが 15:02 に ひまわり学童 に到着しました。\nお迎え: 母 山田 花子\n';
    await pySend(subject, body);
    const [m] = await sink.waitFor((ms) => ms.length === 1, 10_000, 'one message');
    expect(m.problems).toEqual([]);
    expect(m.subject).toBe(subject);
    expect(m.body.replace(/\r\n/g, '\n')).toBe(body);
    expect(m.envelopeTo).toEqual(['hanako@example.jp']);
    expect(m.fromAddress).toBe('noreply@tadaima.example');
    expect(m.mimeVersion).toBe('1.0');
    expect(m.contentType).toEqual({ type: 'text/plain', params: { charset: 'utf-8' } });
    expect(m.transferEncoding).toBe('base64');
    expect(m.messageId).toMatch(/^<.+@tadaima\.example>$/);
    expect(Math.abs(m.date!.getTime() - Date.now())).toBeLessThan(120_000);
  });

  it('lists what is wrong with a malformed message', async () => {
    // Bare LF line ends, raw UTF-8 in the Subject, an 8-bit body without a transfer encoding.
    const raw = 'From: a@example.jp\nTo: b@example.jp\nSubject: 到着\nDate: Thu, 10 Jun 2027 15:02:00 +0900\n\n到着しました\n';
    const script = `
import smtplib, sys
with smtplib.SMTP('127.0.0.1', int(sys.argv[1])) as s:
    s.sendmail('a@example.jp', ['b@example.jp'], sys.argv[2].encode('utf-8'))
`;
    await run('/usr/bin/python3', ['-c', script, String(sink.port), raw]);
    const mails = await sink.waitFor((ms) => ms.some((m) => m.envelopeFrom === 'a@example.jp'), 10_000, 'the malformed message');
    const m = mails.find((x) => x.envelopeFrom === 'a@example.jp')!;
    expect(m.problems.join('\n')).toMatch(/CRLF/);
    expect(m.problems.join('\n')).toMatch(/not ASCII/);
    expect(m.problems.join('\n')).toMatch(/8-bit body/);
  });

  it('refuses mail with 451 or 550 when told to, and accepts again after', async () => {
    const n = sink.messages().length;
    await sink.reply(451);
    await expect(pySend('temp', 'x')).rejects.toThrow(/451/);
    await sink.reply(550);
    await expect(pySend('perm', 'x')).rejects.toThrow(/550/);
    await sink.reply(250);
    await pySend('ok', 'x');
    await sink.waitFor((ms) => ms.length === n + 1, 10_000, 'the accepted message');
    expect(sink.all().filter((m) => !m.accepted).map((m) => m.subject)).toEqual(['temp', 'perm']);
  });

  it('goes down and comes back on the same port, keeping what it received', async () => {
    const port = sink.port;
    const n = sink.messages().length;
    await sink.stop();
    expect(sink.running).toBe(false);
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused, 'connection refused while down').toBe(true);
    await sink.start();
    expect(sink.port).toBe(port);
    await pySend('back', 'again');
    const mails = await sink.waitFor((ms) => ms.length === n + 1, 10_000, 'a message after the restart');
    expect(mails.at(-1)!.subject).toBe('back');
  });
});
