import type { MessageKey } from '@ipfund/shared';

export const MIN_NEW_PASSWORD_LENGTH = 10;
export const MAX_NEW_PASSWORD_LENGTH = 256;
/** A long passphrase needs no mix of character classes. */
export const PASSPHRASE_LENGTH = 16;

/** Passwords every guessing list starts with (lower-cased), incl. the demo's own. */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword1',
  'qwerty123',
  'qwertyuiop',
  '1234567890',
  '123456789a',
  'abc1234567',
  'iloveyou1',
  'admin12345',
  'welcome123',
  'changeme123',
  'demo1234',
  'demo123456',
  'zhangsan123',
  'woaini1314',
]);

export type WeakPassword =
  | { key: Extract<MessageKey, 'auth.passwordTooShort'>; params: { min: number } }
  | { key: Extract<MessageKey, 'auth.passwordTooLong'>; params: { max: number } }
  | { key: Extract<MessageKey, 'auth.passwordClasses'>; params: { long: number } }
  | {
      key: Extract<MessageKey, 'auth.passwordContainsUsername' | 'auth.passwordCommon'>;
      params: Record<string, never>;
    };

/**
 * Why a new password is refused, or null. Length first (NIST SP 800-63B: length beats composition),
 * a mix of three character classes below passphrase length, never the username, never a password
 * from the top of the guessing lists.
 */
export function passwordWeakness(password: string, username: string): WeakPassword | null {
  const length = [...password].length;
  if (length < MIN_NEW_PASSWORD_LENGTH)
    return { key: 'auth.passwordTooShort', params: { min: MIN_NEW_PASSWORD_LENGTH } };
  if (length > MAX_NEW_PASSWORD_LENGTH)
    return { key: 'auth.passwordTooLong', params: { max: MAX_NEW_PASSWORD_LENGTH } };
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return { key: 'auth.passwordCommon', params: {} };
  if (username.length >= 3 && lower.includes(username.toLowerCase()))
    return { key: 'auth.passwordContainsUsername', params: {} };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3 && length < PASSPHRASE_LENGTH)
    return { key: 'auth.passwordClasses', params: { long: PASSPHRASE_LENGTH } };
  return null;
}
