// Live events of the admin app: one EventSource on GET /api/v1/me/events (Server-Sent
// Events, the session cookie) shared by every page that listens, open while at least
// one listens. useLiveEvents(handler) calls handler with each event's JSON and returns
// the stream's state, so that a page polls only while the stream is not `open`.
//
// The browser reconnects by itself after a dropped connection (state `connecting`
// meanwhile). When the server refuses the stream (an HTTP error: the browser then gives
// up for good) it is opened again after kReopenMs; until then the state is `down`.
import { useEffect, useRef, useState } from 'preact/hooks';

export type LiveState = 'connecting' | 'open' | 'down';

/** A live event as the server sends it: `data` is one JSON object with its `type`. */
export type LiveEvent =
  | { type: 'roster'; facility_id: string; date: string }
  | {
      type: 'stamp';
      result: 'arrived' | 'departed';
      visit: { id: string; child: { id: string; name: string }; facility_id: string; in_at: string; out_at?: string | null };
    }
  | { type: 'plan'; child_id: string; date: string }
  | { type: 'notification'; notification: { id: string } };

const kEventsPath = '/api/v1/me/events';
const kTypes: readonly LiveEvent['type'][] = ['roster', 'stamp', 'plan', 'notification'];
const kReopenMs = 15_000;

type Handler = (event: LiveEvent) => void;

const handlers = new Set<Handler>();
const state_listeners = new Set<(state: LiveState) => void>();
let source: EventSource | null = null;
let state: LiveState = 'down';
let reopen_timer: ReturnType<typeof setTimeout> | null = null;

function setState(next: LiveState): void {
  if (next === state) return;
  state = next;
  for (const listener of state_listeners) listener(next);
}

function dispatch(type: string, text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return; // Not ours to understand; the next event or the poll catches up.
  }
  if (!data || typeof data !== 'object') return;
  const event = { ...(data as object), type } as LiveEvent;
  for (const handler of [...handlers]) handler(event);
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(kEventsPath);
  source = es;
  setState('connecting');
  es.onopen = () => setState('open');
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) {
      setState('connecting'); // The browser retries by itself.
      return;
    }
    es.close();
    if (source === es) source = null;
    setState('down');
    if (handlers.size > 0 && reopen_timer === null) {
      reopen_timer = setTimeout(() => {
        reopen_timer = null;
        if (handlers.size > 0) open();
      }, kReopenMs);
    }
  };
  for (const type of kTypes) {
    es.addEventListener(type, (e) => dispatch(type, String((e as MessageEvent).data)));
  }
}

function close(): void {
  if (reopen_timer !== null) clearTimeout(reopen_timer);
  reopen_timer = null;
  source?.close();
  source = null;
  setState('down');
}

function subscribe(handler: Handler): () => void {
  handlers.add(handler);
  open();
  return () => {
    handlers.delete(handler);
    if (handlers.size === 0) close();
  };
}

/**
 * Calls onEvent (the latest one passed) for every live event while the component is
 * mounted; returns the stream's state (re-rendering when it changes).
 */
export function useLiveEvents(onEvent: Handler): LiveState {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const [current, setCurrent] = useState<LiveState>(state);
  useEffect(() => {
    state_listeners.add(setCurrent);
    const unsubscribe = subscribe((event) => latest.current(event));
    setCurrent(state);
    return () => {
      state_listeners.delete(setCurrent);
      unsubscribe();
    };
  }, []);
  return current;
}
