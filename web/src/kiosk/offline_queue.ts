// The offline queue of stamps: when the network fails (fetch throws, or the server
// answers 5xx), a scan is kept in localStorage whole — its client_id and scanned_at, and
// the children and adults a family chose at a drop-in room — and sent later, in scan
// order, by flush(). Retries reuse the same client_id, so a stamp
// the server recorded before the connection broke is not recorded twice.
//
// flush() outcome per item: 2xx removes it (onSent hears the answer); a refusal (4xx other than 401) removes it and
// keeps it in the short `rejected` log that staff see, with the reason of the refusal
// (its field's reason when it names one: scan_too_old, credential_replaced…); 401 stops (the kiosk was revoked);
// a network failure or 5xx stops and leaves the rest for the next attempt.
// Not thread-safe across tabs: one kiosk page per device.
import { ApiError, type Api } from '../shared/api';
import type { StampAnswer, StampInput } from '../shared/types';

const kQueueKey = 'tadaima.kiosk.queue';
const kRejectedKey = 'tadaima.kiosk.rejected';
const kRejectedKept = 20;

export interface QueuedStamp {
  input: StampInput; // carries client_id and scanned_at
  queued_at: string;
}

export interface RejectedStamp {
  input: StampInput;
  status: number;
  /** An ErrorReason id; absent in entries kept before reasons were recorded. */
  reason?: string;
  /** The reason's parameters ({max}…). */
  params?: Record<string, string>;
  /** The server's text, for a reason the kiosk cannot say. */
  message: string;
  at: string;
}

export type FlushOutcome = 'empty' | 'offline' | 'revoked';

/** True when err means "the server could not be reached or failed": retry later. */
export function isOffline(err: unknown): boolean {
  return !(err instanceof ApiError) || err.status >= 500;
}

function read<T>(key: string): T[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function write<T>(key: string, items: T[]): void {
  localStorage.setItem(key, JSON.stringify(items));
}

export class StampQueue {
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<FlushOutcome> | null = null;
  private sent: ((input: StampInput, answer: StampAnswer) => void) | null = null;

  /** Calls `listener` with each queued stamp the server took, and its answer, when flush() sends it. */
  onSent(listener: ((input: StampInput, answer: StampAnswer) => void) | null): void {
    this.sent = listener;
  }

  items(): QueuedStamp[] {
    return read<QueuedStamp>(kQueueKey);
  }

  size(): number {
    return this.items().length;
  }

  rejected(): RejectedStamp[] {
    return read<RejectedStamp>(kRejectedKey);
  }

  add(input: StampInput): void {
    write(kQueueKey, [...this.items(), { input, queued_at: new Date().toISOString() }]);
    this.notify();
  }

  /** Drops everything (unpairing). */
  clear(): void {
    localStorage.removeItem(kQueueKey);
    localStorage.removeItem(kRejectedKey);
    this.notify();
  }

  /** Calls listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends the queued stamps in order; one flush at a time (a second call joins the first). */
  flush(api: Api): Promise<FlushOutcome> {
    this.flushing ??= this.send(api).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async send(api: Api): Promise<FlushOutcome> {
    for (;;) {
      const next = this.items()[0];
      if (!next) return 'empty';
      let answer: StampAnswer | null = null;
      try {
        answer = await api.stamp(next.input);
      } catch (err) {
        if (isOffline(err)) return 'offline';
        if (err instanceof ApiError && err.status === 401) return 'revoked';
        const e = err as ApiError;
        const fields = Object.entries(e.fields).map(([k, v]) => `${k}: ${v}`).join(', ');
        const field = Object.keys(e.fieldReasons)[0];
        const reason = field ? e.fieldReasons[field] : e.reason;
        const params = field ? e.fieldParams[field] : undefined;
        const log = [...this.rejected(), { input: next.input, status: e.status, reason, params,
          message: fields || e.message, at: new Date().toISOString() }];
        write(kRejectedKey, log.slice(-kRejectedKept));
      }
      this.remove(next.input.client_id);
      if (answer) this.sent?.(next.input, answer);
    }
  }

  private remove(client_id: string): void {
    write(kQueueKey, this.items().filter((q) => q.input.client_id !== client_id));
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
