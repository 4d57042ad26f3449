import { useSyncExternalStore } from 'react';
import { hashFromPath, pathFromHash } from './hashPath';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function currentPath(): string {
  return pathFromHash(window.location.hash);
}

/** The current hash path; re-renders on navigation (links, back/forward, navigate()). */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** `replace` swaps the history entry instead of adding one (used for redirects). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  const hash = hashFromPath(path);
  if (window.location.hash === hash) return;
  if (replace) {
    window.history.replaceState(null, '', hash);
    // replaceState does not fire hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
