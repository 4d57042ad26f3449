import { badInput } from '../../common/errors';

/** Free text required by a decision (a comment, a description): trimmed, non-empty, bounded. */
export function requiredText(value: string, what: string, max = 2000): string {
  const t = value.trim();
  if (!t) throw badInput(`${what} is required`);
  if (t.length > max) throw badInput(`${what} is longer than ${max} characters`);
  return t;
}
