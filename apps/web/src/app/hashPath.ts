/**
 * The route lives in the URL hash ("#/loans"), so deep links and the back button work without a
 * router library or server-side rewrites. A page's filters, sorting and open record follow the path
 * as a query ("#/loans?status=OVERDUE&sort=issuedOn.desc"), so a filtered list can be linked and
 * survives a reload.
 */

/** Where everyone lands after login (首页). */
export const HOME_PATH = '/home';

/** "#/loans" → "/loans"; "", "#" → "/"; "#loans/" → "/loans"; "#/loans?x=1" → "/loans". */
export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '');
  return path.startsWith('/') ? path : `/${path}`;
}

/** "#/loans?status=OVERDUE" → "status=OVERDUE"; no query → "". */
export function queryFromHash(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

export function hashFromPath(path: string): string {
  return `#${path}`;
}

/**
 * The hash for `path` with `params` as its query; empty values are left out and the keys sorted, so
 * one state has one URL (and replacing it with itself is a no-op).
 */
export function hashWithQuery(
  path: string,
  params: Readonly<Record<string, string | null | undefined>>,
): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return hashFromPath(text ? `${path}?${text}` : path);
}

/** The query of a hash as a plain record (the last value of a repeated key wins). */
export function paramsFromHash(hash: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(queryFromHash(hash)));
}
