// A real SMTP server for the tests: Debian's python3-aiosmtpd (tests/support/smtp_sink.py)
// on a free port of 127.0.0.1. Every message it receives is kept with its envelope and
// raw bytes, and parsed strictly here (RFC 5322 headers, RFC 2047 encoded words, MIME
// base64 bodies): whatever a mail client could trip over is listed in `problems`.
// stop() takes the mail server down; start() brings it back on the SAME port.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { until } from './poll';

const PYTHON = '/usr/bin/python3'; // Debian's interpreter: the one with python3-aiosmtpd
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'smtp_sink.py');

/** A free TCP port of 127.0.0.1 (free when asked; the caller binds it soon after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface MailHeader {
  name: string;
  /** Unfolded, not decoded. */
  value: string;
}

export interface Mail {
  /** Envelope (MAIL FROM / RCPT TO). */
  envelopeFrom: string;
  envelopeTo: string[];
  /** The sink's answer to DATA ("250 …" accepted). */
  reply: string;
  accepted: boolean;
  raw: Buffer;
  headers: MailHeader[];
  /** The first header of that name (case-insensitive), unfolded, not decoded. */
  header(name: string): string | undefined;
  /** Every header of that name. */
  headerAll(name: string): string[];
  /** Subject with RFC 2047 encoded words decoded. */
  subject: string;
  messageId: string | undefined;
  /** The Date header parsed (null when absent or not RFC 5322). */
  date: Date | null;
  /** The From and To headers, encoded words decoded. */
  from: string;
  to: string;
  /** The address inside <…> (or the whole value) of From and To. */
  fromAddress: string;
  toAddress: string;
  mimeVersion: string | undefined;
  /** e.g. {type: "text/plain", params: {charset: "UTF-8"}} (type lower-cased). */
  contentType: { type: string; params: Record<string, string> } | null;
  transferEncoding: string | undefined;
  /** The body decoded (base64 or 7bit/8bit) as UTF-8. */
  body: string;
  /** Everything found wrong by the strict reading; [] for a good message. */
  problems: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_RE =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})$/;

/** An RFC 5322 date-time (numeric zone); null otherwise. The weekday, when given, must match. */
export function parseMailDate(value: string): Date | null {
  const m = DATE_RE.exec(value.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const [, wd, d, mon, y, hh, mm, ss, sign, oh, om] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const t = Date.UTC(Number(y), MONTHS.indexOf(mon), Number(d), Number(hh), Number(mm), Number(ss ?? 0)) - offset * 60_000;
  const date = new Date(t);
  if (wd) {
    const local = new Date(t + offset * 60_000);
    if (['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][local.getUTCDay()] !== wd) return null;
  }
  return date;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the RFC 2047 encoded words of a header value; white space between two encoded
 * words is dropped. Each word must be UTF-8 (B or Q), at most 75 characters, and hold
 * whole characters; anything else is reported to `problems`.
 */
export function decodeEncodedWords(value: string, problems: string[] = [], where = 'header'): string {
  const word = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
  let out = '';
  let last = 0;
  let lastWasWord = false;
  for (let m = word.exec(value); m; m = word.exec(value)) {
    const between = value.slice(last, m.index);
    if (!(lastWasWord && /^\s*$/.test(between))) out += between;
    const [all, charset, enc, text] = m;
    if (all.length > 75) problems.push(`${where}: encoded word longer than 75 characters (${all.length})`);
    if (charset.toLowerCase() !== 'utf-8') problems.push(`${where}: encoded word in charset ${charset}, not UTF-8`);
    let bytes: Buffer;
    if (enc.toLowerCase() === 'b') {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) problems.push(`${where}: bad base64 in encoded word ${all}`);
      bytes = Buffer.from(text, 'base64');
    } else {
      bytes = Buffer.from(
        text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      );
    }
    try {
      out += utf8.decode(bytes);
    } catch {
      problems.push(`${where}: encoded word ${all} is not whole UTF-8 characters`);
      out += bytes.toString('utf8');
    }
    last = m.index + all.length;
    lastWasWord = true;
  }
  out += value.slice(last);
  return out;
}

function addressOf(value: string): string {
  const m = /<([^<>]*)>\s*$/.exec(value);
  return (m ? m[1] : value).trim();
}

function parseContentType(value: string | undefined): Mail['contentType'] {
  if (!value) return null;
  const [type, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Parses one message (as the SMTP server received it) strictly. */
export function parseMail(raw: Buffer, envelope: { from: string; to: string[]; reply: string }): Mail {
  const problems: string[] = [];
  const text = raw.toString('latin1'); // bytes as they are; headers must be ASCII
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((l, i) => {
    if (!l.endsWith('\r')) problems.push(`line ${i + 1} does not end in CRLF`);
    if (l.replace(/\r$/, '').length > 998) problems.push(`line ${i + 1} longer than 998 characters`);
  });
  const plain = lines.map((l) => l.replace(/\r$/, ''));
  const blank = plain.indexOf('');
  if (blank < 0) problems.push('no empty line between the headers and the body');
  const headerLines = blank < 0 ? plain : plain.slice(0, blank);
  const bodyLines = blank < 0 ? [] : plain.slice(blank + 1);

  const headers: MailHeader[] = [];
  for (const line of headerLines) {
    if (/[^\x00-\x7f]/.test(line)) problems.push(`header line is not ASCII: ${JSON.stringify(Buffer.from(line, 'latin1').toString('utf8'))}`);
    if (/^[ \t]/.test(line)) {
      if (headers.length === 0) problems.push('the first header line is a continuation');
      else headers[headers.length - 1].value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon))) {
      problems.push(`not a header: ${JSON.stringify(line)}`);
      continue;
    }
    headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).replace(/^[ \t]+/, '') });
  }
  const headerAll = (name: string) => headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value.trim());
  const header = (name: string) => headerAll(name)[0];
  for (const unique of ['Date', 'From', 'To', 'Subject', 'Message-ID', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']) {
    const n = headerAll(unique).length;
    if (n > 1) problems.push(`${unique} appears ${n} times`);
  }
  for (const required of ['Date', 'From']) if (!header(required)) problems.push(`no ${required} header`);

  const dateValue = header('Date');
  const date = dateValue ? parseMailDate(dateValue) : null;
  if (dateValue && !date) problems.push(`Date is not an RFC 5322 date-time: ${dateValue}`);
  const messageId = header('Message-ID');
  if (messageId !== undefined && !/^<[^<>@\s]+@[^<>@\s]+>$/.test(messageId)) problems.push(`Message-ID is not <left@right>: ${messageId}`);

  const contentType = parseContentType(header('Content-Type'));
  const transferEncoding = header('Content-Transfer-Encoding');
  let body: string;
  if ((transferEncoding ?? '').toLowerCase() === 'base64') {
    for (const l of bodyLines) if (l.length > 76) problems.push('base64 body line longer than 76 characters');
    const joined = bodyLines.join('');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(joined) || joined.length % 4 !== 0) problems.push('body is not valid base64');
    const bytes = Buffer.from(joined, 'base64');
    try {
      body = utf8.decode(bytes);
    } catch {
      problems.push('decoded body is not UTF-8');
      body = bytes.toString('utf8');
    }
  } else {
    const bytes = Buffer.from(bodyLines.join('\r\n'), 'latin1');
    if (!transferEncoding || /^7bit$/i.test(transferEncoding)) {
      if (/[^\x00-\x7f]/.test(bodyLines.join(''))) problems.push('8-bit body without an 8bit Content-Transfer-Encoding');
    }
    body = bytes.toString('utf8');
  }

  const from = decodeEncodedWords(header('From') ?? '', problems, 'From');
  const to = decodeEncodedWords(header('To') ?? '', problems, 'To');
  return {
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    reply: envelope.reply,
    accepted: envelope.reply.startsWith('250'),
    raw,
    headers,
    header,
    headerAll,
    subject: decodeEncodedWords(header('Subject') ?? '', problems, 'Subject'),
    messageId,
    date,
    from,
    to,
    fromAddress: addressOf(from),
    toAddress: addressOf(to),
    mimeVersion: header('MIME-Version'),
    contentType,
    transferEncoding,
    body,
    problems,
  };
}

export type SmtpReply = 250 | 451 | 550;

export interface SmtpSink {
  readonly port: number;
  /** smtp://127.0.0.1:PORT, for TADAIMA_SMTP_URL. */
  readonly url: string;
  /** Messages the sink accepted (250), oldest first. */
  messages(): Mail[];
  /** Every DATA the sink saw, refused ones included. */
  all(): Mail[];
  /** Accepted messages to `address` (envelope recipient). */
  to(address: string): Mail[];
  /** Waits until `pred` holds for the accepted messages; returns them. */
  waitFor(pred: (mails: Mail[]) => boolean, ms: number, what: string): Promise<Mail[]>;
  /** From now on answer DATA with this code (250 accept, 451 temporary, 550 permanent). */
  reply(code: SmtpReply): Promise<void>;
  readonly running: boolean;
  /** Takes the mail server down (connections refused from now on). */
  stop(): Promise<void>;
  /** Brings it back on the same port. */
  start(): Promise<void>;
}

const sinks = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of sinks) p.kill('SIGKILL');
});

/** Starts the SMTP server on a free port (or `port`). */
export async function startSmtpSink(port?: number): Promise<SmtpSink> {
  const thePort = port ?? (await freePort());
  const received: Mail[] = [];
  let proc: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let acks: string[] = [];
  let stderr = '';

  const launch = async (): Promise<void> => {
    const p = spawn(PYTHON, [SCRIPT, String(thePort)], { stdio: ['pipe', 'pipe', 'pipe'] });
    proc = p;
    sinks.add(p);
    exited = new Promise((res) =>
      p.once('exit', () => {
        sinks.delete(p);
        res();
      }),
    );
    p.stderr!.setEncoding('utf8');
    p.stderr!.on('data', (d: string) => {
      stderr += d;
    });
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      p.stdout!.setEncoding('utf8');
      p.stdout!.on('data', (d: string) => {
        buffer += d;
        for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const msg = JSON.parse(line);
          if (msg.ready !== undefined) resolve();
          else if (msg.ack !== undefined) acks.push(msg.ack);
          else received.push(parseMail(Buffer.from(msg.data, 'base64'), { from: msg.mail_from, to: msg.rcpt_tos, reply: msg.reply }));
        }
      });
      p.once('exit', (code, signal) => reject(new Error(`smtp_sink.py exited (${code ?? signal}) before listening on ${thePort}:\n${stderr}`)));
    });
  };

  await launch();
  const accepted = () => received.filter((m) => m.accepted);
  const sink: SmtpSink = {
    port: thePort,
    url: `smtp://127.0.0.1:${thePort}`,
    messages: accepted,
    all: () => [...received],
    to: (address) => accepted().filter((m) => m.envelopeTo.includes(address)),
    waitFor: (pred, ms, what) => until(() => (pred(accepted()) ? accepted() : null), ms, what),
    async reply(code) {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) throw new Error('the SMTP sink is stopped');
      acks = [];
      proc.stdin!.write(`reply ${code}\n`);
      await until(() => acks.includes(String(code)), 5000, `the SMTP sink to take reply ${code}`, 10);
    },
    get running() {
      return proc !== null && proc.exitCode === null && proc.signalCode === null;
    },
    async stop() {
      if (!sink.running) return;
      proc!.kill('SIGTERM');
      const timer = setTimeout(() => proc?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    async start() {
      if (sink.running) return;
      await launch();
    },
  };
  return sink;
}
