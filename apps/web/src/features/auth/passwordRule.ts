/**
 * The API's rule for a new password (apps/api/src/auth/password-strength.ts), shown before sending;
 * the server checks it again (and also refuses common passwords and ones containing the username).
 */
export function newPasswordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < 10) return '至少 10 个字符';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3 && length < 16)
    return '须包含小写字母、大写字母、数字、符号中的至少三类（或不少于 16 个字符）';
  return null;
}
