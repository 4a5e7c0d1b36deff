// Live events of the admin and parents' apps: one EventSource on GET /api/v1/me/events
// (the session cookie), open while at least one component listens, and (parents' app) the
// service worker's word that a push message arrived. useLiveEvents(handler) calls handler
// with each event and returns the stream's state, so that data is polled only while the
// stream is not open.
//
// The browser reconnects by itself after a dropped connection (`connecting` meanwhile).
// When the server refuses the stream (an HTTP error: the browser then gives up for good)
// it is opened again after kReopenMs; until then the state is `down`.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxItem, Visit } from './types';

export type LiveState = 'connecting' | 'open' | 'down';

export type LiveEvent =
  | { type: 'roster'; facility_id: string; date: string }
  | { type: 'stamp'; result: 'arrived' | 'departed'; visit: Pick<Visit, 'id' | 'child' | 'facility_id' | 'in_at' | 'out_at' | 'pickup_by'> }
  | { type: 'plan'; child_id: string; date: string }
  | { type: 'notification'; notification: InboxItem }
  /** A contact thread was written in or read (its side's counts changed). */
  | { type: 'thread'; thread_id: string; facility_id: string }
  /** From the service worker: a push message was shown. */
  | { type: 'push' };

const kEventsPath = '/api/v1/me/events';
const kStreamTypes = ['roster', 'stamp', 'plan', 'notification', 'thread'] as const;
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

function dispatch(event: LiveEvent): void {
  for (const handler of [...handlers]) handler(event);
}

function dispatchText(type: string, text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return; // Not ours to understand; the next event or the poll catches up.
  }
  if (data && typeof data === 'object') dispatch({ ...(data as object), type } as LiveEvent);
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(kEventsPath);
  source = es;
  setState('connecting');
  es.onopen = () => setState('open');
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) {
      setState('connecting');
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
  for (const type of kStreamTypes) {
    es.addEventListener(type, (e) => dispatchText(type, String((e as MessageEvent).data)));
  }
}

function close(): void {
  if (reopen_timer !== null) clearTimeout(reopen_timer);
  reopen_timer = null;
  source?.close();
  source = null;
  setState('down');
}

if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'push') dispatch({ type: 'push' });
  });
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

/** Closes the stream (at sign-out); listeners that remain open it again. */
export function closeLiveEvents(): void {
  close();
}
