// The pairing of this device with a facility, kept in localStorage: the kiosk's bearer
// token and, once GET /kiosk/me answered, the kiosk and facility it names (so the page
// can start and queue scans while the network is down).
//
// A token arrives by pasting it on the pairing screen or once in the URL as
// /kiosk/#token=…; takeTokenFromUrl() stores it and removes it from the address bar and
// the history entry, so it is not left where the next person could copy it.
import type { KioskMe } from '../shared/types';
import { forgetClock } from './clock';

const kTokenKey = 'tadaima.kiosk.token';
const kMeKey = 'tadaima.kiosk.me';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function storedToken(): string | null {
  return storage()?.getItem(kTokenKey) || null;
}

export function storeToken(token: string): void {
  storage()?.setItem(kTokenKey, token);
  storage()?.removeItem(kMeKey);
}

/** The kiosk and facility last confirmed by the server for the stored token. */
export function storedMe(): KioskMe | null {
  const text = storage()?.getItem(kMeKey);
  if (!text) return null;
  try {
    return JSON.parse(text) as KioskMe;
  } catch {
    return null;
  }
}

export function storeMe(me: KioskMe): void {
  storage()?.setItem(kMeKey, JSON.stringify(me));
}

/** Forgets the token and what it named (unpairing; a revoked token). */
export function forgetPairing(): void {
  storage()?.removeItem(kTokenKey);
  storage()?.removeItem(kMeKey);
  forgetClock();
}

/**
 * Stores a token given as "#token=…" in the URL and removes it from the URL.
 * Returns true when the URL carried one.
 */
export function takeTokenFromUrl(): boolean {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = hash.get('token')?.trim();
  if (!token) return false;
  storeToken(token);
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}
