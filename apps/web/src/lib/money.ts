/**
 * Money display. Amounts arrive from the API as decimal strings in yuan with two decimals
 * ("1500000.00", DOMAIN.md §3). They are formatted by string manipulation only: a JS number
 * cannot hold every amount exactly, and a displayed figure must match the ledger to the 分.
 */

import type { Lang } from '@ipfund/shared';
import { currentLang } from '../i18n';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * "1500000.00" → "¥1,500,000.00"; "-2500.5" → "-¥2,500.50".
 * Fewer than two decimals are padded; extra decimals are kept as sent (never rounded here —
 * rounding is the server's job, ROUND_HALF_UP once per amount). Anything that is not a plain
 * decimal is returned unchanged, so a surprise from the server is visible rather than disguised.
 */
export function formatYuan(s: string): string {
  const match = DECIMAL.exec(s.trim());
  if (!match) return s;
  const [, sign, intDigits = '', fracDigits = ''] = match;
  if (intDigits === '' && fracDigits === '') return s;

  const integer = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const fraction = fracDigits.padEnd(2, '0');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const isZero = /^0*$/.test(integer + fraction);
  const minus = sign === '-' && !isZero ? '-' : '';
  return `${minus}¥${grouped}.${fraction}`;
}

/**
 * A round amount the way the measures write it: "5000000.00" → "500万", "1500000.00" → "150万".
 * Anything that is not a whole number of 万 yuan is formatted by formatYuan. String work only.
 * 万 is a Chinese unit: in English every amount is formatted by formatYuan.
 */
export function formatWan(s: string, lang: Lang = currentLang()): string {
  if (lang === 'en') return formatYuan(s);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s.trim());
  if (!match || /[1-9]/.test(match[2] ?? '')) return formatYuan(s);
  const integer = match[1].replace(/^0+(?=\d)/, '');
  if (integer.length <= 4 || !integer.endsWith('0000')) return formatYuan(s);
  return `${integer.slice(0, -4)}万`;
}
