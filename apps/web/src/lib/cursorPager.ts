/**
 * Previous/next paging over a Relay-style connection (`first`/`after`). The server only hands out
 * forward cursors, so "previous" is served from a stack of the `after` values already used.
 */

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** One page of a Relay-style connection, as the list queries select it. */
export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface CursorPager {
  readonly pageSize: PageSize;
  /** `after` of every page visited so far; the last one is the current page (null = first page). */
  readonly afters: readonly (string | null)[];
}

export function firstPage(pageSize: PageSize): CursorPager {
  return { pageSize, afters: [null] };
}

export function currentAfter(pager: CursorPager): string | null {
  return pager.afters[pager.afters.length - 1] ?? null;
}

/** 1-based number of the current page. */
export function pageNumber(pager: CursorPager): number {
  return pager.afters.length;
}

export function hasPreviousPage(pager: CursorPager): boolean {
  return pager.afters.length > 1;
}

export function nextPage(pager: CursorPager, endCursor: string): CursorPager {
  return { ...pager, afters: [...pager.afters, endCursor] };
}

export function previousPage(pager: CursorPager): CursorPager {
  return hasPreviousPage(pager) ? { ...pager, afters: pager.afters.slice(0, -1) } : pager;
}

/** Cursors of one page size do not line up with another's, so a new size starts again at page 1. */
export function withPageSize(pager: CursorPager, pageSize: PageSize): CursorPager {
  return pageSize === pager.pageSize ? pager : firstPage(pageSize);
}

export function pageCount(totalCount: number, pageSize: PageSize): number {
  return Math.max(1, Math.ceil(totalCount / pageSize));
}

export function isPageSize(value: number): value is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(value);
}

/** The `after` of the page following this one, or null when this is the last page (or none is loaded). */
export function nextCursor(connection: Pick<Connection<unknown>, 'pageInfo'> | undefined): string | null {
  return connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
}
