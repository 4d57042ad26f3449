import { i18n } from '../../i18n';

/**
 * The API's rule for a new password (apps/api/src/auth/password-strength.ts), shown before sending;
 * the server checks it again (and also refuses common passwords and ones containing the username).
 * The problem is worded in the current language.
 */
export function newPasswordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < 10) return i18n.t('auth.passwordRule.tooShort');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3 && length < 16) return i18n.t('auth.passwordRule.classes');
  return null;
}
