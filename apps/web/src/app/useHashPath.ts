import { useMemo, useSyncExternalStore } from 'react';
import { hashFromPath, hashWithQuery, paramsFromHash, pathFromHash, queryFromHash } from './hashPath';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function currentPath(): string {
  return pathFromHash(window.location.hash);
}

function currentQuery(): string {
  return queryFromHash(window.location.hash);
}

/** The current hash path (without its query); re-renders on navigation (links, back/forward, navigate()). */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The current hash query as a record ("#/loans?status=OVERDUE" → { status: 'OVERDUE' }). */
export function useHashParams(): Record<string, string> {
  // The snapshot is the query string (stable between renders); the record is derived from it.
  const query = useSyncExternalStore(subscribe, currentQuery);
  return useMemo(() => paramsFromHash(`?${query}`), [query]);
}

function go(hash: string, replace: boolean): void {
  if (window.location.hash === hash) return;
  if (replace) {
    window.history.replaceState(null, '', hash);
    // replaceState does not fire hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

/** `replace` swaps the history entry instead of adding one (used for redirects). `path` may carry a query. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  go(hashFromPath(path), replace);
}

/**
 * Changes the current page's query: `changes` are merged into it (null or "" removes a key). Filters
 * replace the history entry, so the back button leaves the page rather than stepping through each
 * keystroke of a search box.
 */
export function setHashParams(
  changes: Readonly<Record<string, string | null | undefined>>,
  { replace = true }: { replace?: boolean } = {},
): void {
  const hash = window.location.hash;
  go(hashWithQuery(pathFromHash(hash), { ...paramsFromHash(hash), ...changes }), replace);
}
