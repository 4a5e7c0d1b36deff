// A Server-Sent Events client for the tests (GET /api/v1/me/events): sends the cookie
// jar's session, parses the stream as the EventSource of a browser does (event:, data:
// lines, comments, a blank line ends an event) and keeps every event it received.

import type { CookieJar } from './cookie-fetch';
import { until } from './poll';

export interface SseEvent {
  /** The `event:` field ("message" when absent). */
  event: string;
  /** The `data:` lines joined with "\n". */
  text: string;
  /** The data parsed as JSON (undefined when it is not JSON). */
  data: any;
  receivedAt: Date;
}

export interface EventStream {
  readonly status: number;
  readonly contentType: string;
  /** The answer's body when it was not an event stream (an error). */
  readonly errorBody: any;
  /** Every event so far, oldest first. */
  readonly events: SseEvent[];
  /** Comment lines (": ping") so far. */
  readonly comments: string[];
  /** Events whose data was not one line of JSON carrying its type. */
  readonly malformed: string[];
  /** Waits for the first event matching `pred` (those received already count). */
  waitFor(pred: (e: SseEvent) => boolean, ms: number, what: string): Promise<SseEvent>;
  /** Events of a type. */
  ofType(type: string): SseEvent[];
  readonly closed: boolean;
  close(): void;
}

/** Opens the event stream at `base() + path` with the jar's cookies. */
export async function openEvents(base: string | (() => string), jar: CookieJar, path = '/api/v1/me/events'): Promise<EventStream> {
  const url = (typeof base === 'string' ? base : base()) + path;
  const abort = new AbortController();
  const cookie = Object.entries(jar.all())
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...(cookie ? { Cookie: cookie } : {}) },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const malformed: string[] = [];
  let closed = false;
  let errorBody: any = null;
  const contentType = res.headers.get('content-type') ?? '';

  if (res.status !== 200 || !contentType.startsWith('text/event-stream')) {
    const text = await res.text();
    try {
      errorBody = JSON.parse(text);
    } catch {
      errorBody = text;
    }
    closed = true;
  } else {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let event = '';
      let data: string[] = [];
      const dispatch = () => {
        if (data.length === 0) {
          event = '';
          return;
        }
        const text = data.join('\n');
        let parsed: any;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const type = event || 'message';
        if (data.length !== 1 || parsed === undefined || parsed?.type !== type) malformed.push(`event: ${type}\ndata: ${text}`);
        events.push({ event: type, text, data: parsed, receivedAt: new Date() });
        event = '';
        data = [];
      };
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line === '') dispatch();
            else if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') event = value;
              else if (field === 'data') data.push(value);
            }
          }
        }
      } catch {
        // aborted by close(), or the server went away
      } finally {
        closed = true;
      }
    })();
  }

  return {
    status: res.status,
    contentType,
    get errorBody() {
      return errorBody;
    },
    events,
    comments,
    malformed,
    waitFor: (pred, ms, what) => until(() => events.find(pred), ms, what, 25),
    ofType: (type) => events.filter((e) => e.event === type),
    get closed() {
      return closed;
    },
    close() {
      abort.abort();
      closed = true;
    },
  };
}
