/**
 * The route lives in the URL hash ("#/loans"), so deep links and the back button work without a
 * router library or server-side rewrites.
 */

/** "#/loans" → "/loans"; "", "#" → "/"; "#loans/" → "/loans". */
export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  return path.startsWith('/') ? path : `/${path}`;
}

export function hashFromPath(path: string): string {
  return `#${path}`;
}
