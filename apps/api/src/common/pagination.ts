import { isIsoDate } from '@ipfund/policy';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('common.pageSize', { max: MAX_PAGE_SIZE });
  }
  return first;
}

/** Opaque keyset cursor: the sort key of the last row seen. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What one part of a keyset cursor must be before it is bound to SQL. */
export type CursorPart = 'date' | 'seq';

const CURSOR_PART: Record<CursorPart, (k: string) => boolean> = {
  date: (k) => isIsoDate(k),
  // A bigint sequence: 18 digits always fit (19 could overflow bigint and fail in SQL).
  seq: (k) => /^\d{1,18}$/.test(k),
};

/**
 * Decodes a cursor this API issued. Anything else — not base64 JSON, the wrong number of parts, a
 * part that is not the date or sequence number its position holds — is BAD_USER_INPUT here, so a
 * forged cursor never reaches SQL as a cast error (an internal error).
 */
export function decodeCursor(cursor: string, parts: readonly CursorPart[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((k, i) => typeof k === 'string' && CURSOR_PART[parts[i]](k))
    )
      return key as string[];
  } catch {
    // fall through: any undecodable cursor is bad input
  }
  throw badInput('common.invalidCursor', {});
}
