// Web Push on this device: whether it is on, or why it cannot be (the browser has no push,
// the site's notifications are blocked, the server has no VAPID key), turning it on
// (permission, a subscription with the server's VAPID key, registered at POST
// /me/push-subscriptions) and off. Every failure becomes a PushError whose `reason` the
// settings page explains; nothing is left half done (a subscription the server refused is
// dropped again).
import { ApiError } from '../shared/api';
import type { PushSubscriptionInput } from '../shared/types';
import { api } from '../shared/session';

export type PushState = 'unsupported' | 'denied' | 'no_key' | 'off' | 'on';

export type PushFailure = 'unsupported' | 'denied' | 'no_key' | 'no_worker' | 'no_service' | 'server';

export class PushError extends Error {
  constructor(readonly reason: PushFailure, readonly cause?: unknown) {
    super(reason);
    this.name = 'PushError';
  }
}

const kWorkerWaitMs = 10_000;

export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator &&
    typeof window !== 'undefined' && 'PushManager' in window && 'Notification' in window;
}

/** The bytes of a base64url string (no padding needed). */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function sameBytes(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((x, i) => x === b[i]);
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new PushError('no_worker')), kWorkerWaitMs));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/**
 * The server's VAPID public key; PushError('no_key') when the server has none (an answer
 * that is an error or empty). A network failure is thrown as it is.
 */
async function serverKey(): Promise<Uint8Array<ArrayBuffer>> {
  let text: string;
  try {
    text = await api.pushPublicKey();
  } catch (err) {
    throw err instanceof ApiError ? new PushError('no_key', err) : err;
  }
  if (!text) throw new PushError('no_key');
  return base64UrlBytes(text);
}

/**
 * This device's state: on only when the browser and the server both hold the
 * subscription; off when it could be turned on; else why it cannot be.
 */
export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const reg = await navigator.serviceWorker.getRegistration('/app/');
  const sub = await reg?.pushManager.getSubscription();
  if (!sub) {
    try {
      await serverKey();
    } catch (err) {
      if (err instanceof PushError) return 'no_key';
      throw err;
    }
    return 'off';
  }
  const known = await api.listPushSubscriptions();
  return known.some((s) => s.endpoint === sub.endpoint) ? 'on' : 'off';
}

/** Asks for permission, subscribes this browser and registers it with the server. */
export async function enablePush(): Promise<void> {
  if (!pushSupported()) throw new PushError('unsupported');
  // Asked first, while the tap still counts as one (Safari asks only then).
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushError('denied');
  const key = await serverKey();
  const reg = await registration();
  let sub = await reg.pushManager.getSubscription();
  if (sub && !sameBytes(sub.options.applicationServerKey, key)) {
    // Made with another server key (the server's key changed): start again.
    await sub.unsubscribe().catch(() => false);
    sub = null;
  }
  if (!sub) {
    try {
      sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    } catch (err) {
      throw new PushError(err instanceof DOMException && err.name === 'NotAllowedError' ? 'denied' : 'no_service', err);
    }
  }
  try {
    await api.addPushSubscription(sub.toJSON() as PushSubscriptionInput);
  } catch (err) {
    await sub.unsubscribe().catch(() => false);
    throw err instanceof ApiError ? new PushError('server', err) : err;
  }
}

/** Removes this device's subscription from the server and the browser. */
export async function disablePush(): Promise<void> {
  if (!pushSupported()) return;
  const reg = await navigator.serviceWorker.getRegistration('/app/');
  const sub = await reg?.pushManager.getSubscription();
  if (!sub) return;
  const known = await api.listPushSubscriptions();
  for (const s of known.filter((k) => k.endpoint === sub.endpoint)) await api.deletePushSubscription(s.id);
  await sub.unsubscribe();
}
