import { formatArticle } from '@ipfund/shared';
import { currentLang, i18n } from '../../i18n';
import { reasonCodeLabel } from './claimLabels';
import type { PolicyReason } from './claims.graphql';

/**
 * Text for the measures' articles and rates, so an official can trace every figure to the text
 * (DOMAIN.md: "every rule cites its article").
 */

/** An article of the measures in the one format of the current language (第十七条 / Art 17). */
export function articleLabel(article: string): string {
  return formatArticle(article, currentLang());
}

/** "损失基数：B = …" (the reason without its article). */
export function reasonBody(reason: PolicyReason): string {
  return i18n.t('claims.reasonLine', { label: reasonCodeLabel(reason.code), message: reason.message });
}

/** "第11条 / Art 11 · 损失基数：B = …" */
export function reasonText(reason: PolicyReason): string {
  return `${articleLabel(reason.article)} · ${reasonBody(reason)}`;
}

const RATE = /^(\d+)(?:\.(\d*))?$/;

/**
 * A rate as sent by the API ("0.30", "0.305") → "30%", "30.5%". String arithmetic only (a shift of
 * the decimal point), so the figure is exactly the agreed one. Anything else is returned as sent.
 */
export function formatRate(rate: string | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const match = RATE.exec(rate.trim());
  if (!match) return rate;
  const [, whole, fraction = ''] = match;
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return rest ? `${integer}.${rest}%` : `${integer}%`;
}
