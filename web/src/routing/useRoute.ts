import { useSyncExternalStore } from 'react';

// pushState fires no event of its own: navigate() announces it so every subscriber re-reads the URL.
const NAVIGATE_EVENT = 'app:navigate';

export interface Route {
  path: string;
  search: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// useSyncExternalStore compares snapshots by identity, so a string, not a fresh object.
const currentUrl = () => window.location.pathname + window.location.search;

/** The current path and query string, re-rendering on back/forward and on navigate(). */
export function useRoute(): Route {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const queryStart = url.indexOf('?');
  return queryStart < 0 ? { path: url, search: '' } : { path: url.slice(0, queryStart), search: url.slice(queryStart) };
}

/**
 * Moves to another URL of the app without a reload. `replace` is for filter edits, so that Back
 * leaves the page instead of stepping through every checkbox.
 */
export function navigate(url: string, { replace = false }: { replace?: boolean } = {}): void {
  if (url === currentUrl()) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
