import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';
import type { Lang } from '@ipfund/shared';
import { currentLang, i18n } from '../../i18n';

/**
 * A failed login in one line, in the user's language. Which of username and password was wrong is
 * never disclosed; a throttled attempt (issue 9: too many failures for this username or this address)
 * says how long to wait, from `extensions.retryAfterSeconds`.
 */
export function loginFailureText(error: unknown, lang: Lang = currentLang()): string {
  const t = i18n.getFixedT(lang);
  if (!CombinedGraphQLErrors.is(error)) return t('errors.network');
  const ext = error.errors[0]?.extensions;
  if (ext?.code === 'RATE_LIMITED') {
    const seconds = typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined;
    return t('login.rateLimited', { wait: waitText(seconds, t) });
  }
  return t('login.wrongCredentials');
}

function waitText(seconds: number | undefined, t: TFunction): string {
  if (seconds === undefined) return t('login.waitShort');
  if (seconds < 60) return t('login.waitSeconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('login.waitMinutes', { count: Math.ceil(seconds / 60) });
}
