/**
 * A list page's state in its URL (issue 11): filters, search and sort live in the hash query, so a
 * filtered, sorted list can be linked, survives a reload, and is exactly what the export downloads.
 * Names are those of the GraphQL filter's fields; these helpers read and write them.
 */

export type SortDirection = 'ASC' | 'DESC';

export interface SortState<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/** "ISSUED_ON.asc" → { field: 'ISSUED_ON', direction: 'ASC' }; unknown fields and junk → null. */
export function parseSort<F extends string>(
  value: string | undefined,
  allowed: readonly F[],
): SortState<F> | null {
  const m = /^([A-Z_]+)\.(asc|desc)$/.exec(value ?? '');
  if (!m || !(allowed as readonly string[]).includes(m[1])) return null;
  return { field: m[1] as F, direction: m[2] === 'asc' ? 'ASC' : 'DESC' };
}

export function formatSort(sort: SortState | null): string | null {
  return sort ? `${sort.field}.${sort.direction.toLowerCase()}` : null;
}

/** The antd column's `sortOrder` for `field` under the current sort. */
export function sortOrderOf(sort: SortState | null, field: string): 'ascend' | 'descend' | null {
  if (!sort || sort.field !== field) return null;
  return sort.direction === 'ASC' ? 'ascend' : 'descend';
}

/** antd's sorter answer (`order` undefined = cleared) → the sort state. */
export function sortFromTable<F extends string>(
  field: F | undefined,
  order: 'ascend' | 'descend' | null | undefined,
): SortState<F> | null {
  if (!field || !order) return null;
  return { field, direction: order === 'ascend' ? 'ASC' : 'DESC' };
}

/** "A,B" → ['A', 'B'], keeping only allowed values; absent → []. */
export function listParam<V extends string>(value: string | undefined, allowed: readonly V[]): V[] {
  if (!value) return [];
  return value.split(',').filter((v): v is V => (allowed as readonly string[]).includes(v));
}

/** A whole number ≥ 0 from the URL, or null. */
export function intParam(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** A calendar date YYYY-MM-DD from the URL, or null. */
export function dateParam(value: string | undefined): string | null {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** Trimmed text from the URL, or null when empty. */
export function textParam(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/**
 * `/export/<table>.xlsx` with the list's filters and sort as its query string (the same names as the
 * GraphQL filter's fields, `orderBy` and `direction`; a list is comma-separated, as the server reads
 * it). Empty values and empty lists are left out.
 */
export function exportHref(
  table: string,
  params: Readonly<Record<string, string | number | boolean | readonly string[] | null | undefined>>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) query.set(key, (value as readonly string[]).join(','));
    } else query.set(key, String(value));
  }
  const text = query.toString();
  return `/export/${table}.xlsx${text ? `?${text}` : ''}`;
}
