import { isIsoDate } from '@ipfund/policy';
import { badInput } from './errors';
import { encodeCursor } from './pagination';

/**
 * Keyset pagination under a chosen sort (issue 11: sorting on money and date columns). The cursor
 * carries the sort's name, the last row's sort value and its sequence number, so a page never skips
 * or repeats a row however many rows share a value, and a cursor issued under one sort is refused
 * under another rather than silently mis-positioned.
 */
export type SortValueKind = 'date' | 'money' | 'seq';

export interface SortColumn {
  /** The SQL expression sorted on (a column of the main alias). */
  sql: string;
  kind: SortValueKind;
  /** NULLs sort as if they were this value (a keyset comparison cannot compare NULL). */
  nullAs?: string;
}

const VALID: Record<SortValueKind, (v: string) => boolean> = {
  date: (v) => isIsoDate(v),
  money: (v) => /^-?\d{1,16}(\.\d{1,2})?$/.test(v),
  seq: (v) => /^\d{1,18}$/.test(v),
};

export function encodeSortCursor(sort: string, value: string, seq: string): string {
  return encodeCursor([sort, value, seq]);
}

/** The last row's [value, seq] for `sort`; BAD_USER_INPUT for anything this API did not issue for it. */
export function decodeSortCursor(cursor: string, sort: string, kind: SortValueKind): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 3 &&
      key[0] === sort &&
      typeof key[1] === 'string' &&
      typeof key[2] === 'string' &&
      VALID[kind](key[1]) &&
      VALID.seq(key[2])
    ) {
      return [key[1], key[2]];
    }
  } catch {
    // any undecodable cursor is bad input
  }
  throw badInput('common.invalidCursor', {});
}

const CAST: Record<SortValueKind, string> = { date: 'date', money: 'numeric', seq: 'bigint' };

/**
 * ORDER BY and the "after this row" predicate for a sort column plus the alias's `seq` tie-breaker,
 * in one direction (row comparison, so an index on (column, seq) serves it).
 */
export function keysetSql(
  column: SortColumn,
  seqSql: string,
  descending: boolean,
  after: [string, string] | null,
  param: (value: unknown) => string,
): { orderBy: string; after: string | null } {
  const dir = descending ? 'DESC' : 'ASC';
  const value = column.nullAs
    ? `COALESCE(${column.sql}, '${column.nullAs}'::${CAST[column.kind]})`
    : column.sql;
  const orderBy = `${value} ${dir}, ${seqSql} ${dir}`;
  if (!after) return { orderBy, after: null };
  const cmp = descending ? '<' : '>';
  return {
    orderBy,
    after: `(${value}, ${seqSql}) ${cmp} (${param(after[0])}::${CAST[column.kind]}, ${param(after[1])}::bigint)`,
  };
}
