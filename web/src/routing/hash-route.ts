import { useSyncExternalStore } from 'react';

/** `#/settings/general?focus=siteUrl` → path `/settings/general`, query `focus=siteUrl`. */
export interface HashRoute {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, '');
  const queryStart = raw.indexOf('?');
  const path = (queryStart === -1 ? raw : raw.slice(0, queryStart)) || '/';
  const query = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1));
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The current hash route; re-renders on every hash change. */
export function useHashRoute(): HashRoute & { hash: string } {
  const hash = useSyncExternalStore(subscribe, readHash);
  return { hash, ...parseHash(hash) };
}

/** Goes to a route such as `/dashboard`; `replace` keeps redirects out of the back-button history. */
export function navigate(route: string, { replace = false }: { replace?: boolean } = {}): void {
  const target = `#${route}`;
  if (window.location.hash === target) return;
  if (!replace) {
    window.location.hash = route;
    return;
  }
  window.history.replaceState(window.history.state, '', target);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export const hrefFor = (route: string): string => `#${route}`;
