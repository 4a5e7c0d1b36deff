// The parents' app's router on the History API. Paths are below /app ("/children/c1/plans");
// the server answers every /app/* with index.html, so a reload keeps the page, and the
// service worker does the same offline. navigate() pushes a new entry and re-renders
// every useLocation() user.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export const kBase = '/app';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export interface Location {
  /** The path below /app without a trailing slash, e.g. "/children/c1" or "/". */
  path: string;
  params: URLSearchParams;
}

function readLocation(): Location {
  let path = location.pathname;
  if (path.startsWith(kBase)) path = path.slice(kBase.length);
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, params: new URLSearchParams(location.search) };
}

/** Goes to `to`, a path below /app ("/plans?month=2027-06"); replace keeps history short. */
export function go(to: string, replace = false): void {
  const href = kBase + to;
  if (href === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.scrollTo(0, 0);
  notify();
}

/** The current location; the component re-renders on every navigation. */
export function useLocation(): Location {
  const [, setTick] = useState(0);
  const rendered = location.pathname + location.search;
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    if (location.pathname + location.search !== rendered) listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return readLocation();
}

/** Matches a pattern like "/children/:id/qr" against path; the named segments or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

interface LinkProps {
  /** A path below /app. */
  to: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
  label?: string;
}

/** An ordinary link (a long press or middle click still works) that navigates in place. */
export function Link({ to, children, current, label, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(to);
  };
  return (
    <a href={kBase + to} onClick={onClick} aria-current={current ? 'page' : undefined} aria-label={label}
      class={rest.class}>
      {children}
    </a>
  );
}
