// A tiny client-side router on the History API. Paths are full URLs paths
// ("/admin/families/f1?q=..."); the server answers every /admin/* with index.html,
// so a reload keeps the page. navigate() pushes a new entry and re-renders usePath() users.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export const kBase = '/admin';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

/** Goes to `to` (an absolute path like "/admin/staff"); replace keeps history short. */
export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

export interface Location {
  path: string; // pathname without the /admin prefix, e.g. "/families/f1" or "/"
  params: URLSearchParams;
}

function readLocation(): Location {
  let path = location.pathname;
  if (path.startsWith(kBase)) path = path.slice(kBase.length);
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, params: new URLSearchParams(location.search) };
}

/** The current location; the component re-renders on every navigation. */
export function useLocation(): Location {
  const [, setTick] = useState(0);
  const rendered = location.pathname + location.search;
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    // A child may have navigated before this effect subscribed: catch up.
    if (location.pathname + location.search !== rendered) listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return readLocation();
}

/**
 * Matches a pattern like "/families/:id" against path; returns the named
 * segments (decoded) or null.
 */
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
  to: string; // path below /admin, e.g. "/families"
  children: ComponentChildren;
  class?: string;
  current?: boolean;
}

/** An ordinary link (works with a middle click) that navigates in place on a plain click. */
export function Link({ to, children, current, ...rest }: LinkProps) {
  const href = kBase + to;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} aria-current={current ? 'page' : undefined} class={rest.class}>
      {children}
    </a>
  );
}

/** Navigates to a path below /admin. */
export function go(to: string, replace = false): void {
  navigate(kBase + to, replace);
}
