import { badInput } from '../../common/errors';

/** Free text required by a decision (a comment, a description): trimmed, non-empty, bounded. */
export function requiredText(value: string, what: string, max = 2000): string {
  const t = value.trim();
  if (!t) throw badInput('common.required', { field: what });
  if (t.length > max) throw badInput('common.longerThan', { field: what, max });
  return t;
}
