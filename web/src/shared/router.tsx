// A tiny client-side router on the History API, one per front end: createRouter("/admin")
// or createRouter("/app"). The server answers every <base>/* with the app's index.html, so
// a reload keeps the page. Paths given to go() and <Link> are below the base
// ("/families/f1?q=..."); navigate() takes a whole path ("/admin/staff"). Every
// navigation re-renders the useLocation() users.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  /** The path below the base without a trailing slash, e.g. "/families/f1" or "/". */
  path: string;
  params: URLSearchParams;
}

interface LinkProps {
  /** A path below the base, e.g. "/families". */
  to: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
  /** aria-label, when the visible text says less (e.g. an unread count). */
  label?: string;
}

export function createRouter(base: string) {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

  function readLocation(): Location {
    let path = location.pathname;
    if (path.startsWith(base)) path = path.slice(base.length);
    if (!path.startsWith('/')) path = `/${path}`;
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    return { path, params: new URLSearchParams(location.search) };
  }

  /** Goes to `to`, a whole path ("/admin/staff"); replace keeps history short. */
  function navigate(to: string, replace = false): void {
    if (to === location.pathname + location.search) return;
    if (replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    window.scrollTo(0, 0);
    notify();
  }

  /** Goes to `to`, a path below the base ("/plans?month=2027-06"). */
  function go(to: string, replace = false): void {
    navigate(base + to, replace);
  }

  /** The current location; the component re-renders on every navigation. */
  function useLocation(): Location {
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

  /** An ordinary link (a long press or middle click still works) that navigates in place. */
  function Link({ to, children, current, label, ...rest }: LinkProps) {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      go(to);
    };
    return (
      <a href={base + to} onClick={onClick} aria-current={current ? 'page' : undefined} aria-label={label}
        class={rest.class}>
        {children}
      </a>
    );
  }

  return { navigate, go, useLocation, Link };
}

/** Matches a pattern like "/families/:id" against path; the named segments (decoded) or null. */
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
