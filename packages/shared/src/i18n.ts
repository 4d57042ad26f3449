/**
 * The portal's two languages and the few formats both the server and the web write in them: articles
 * of the measures and amounts of money. One helper each, so "第十二条" / "Art 12" and
 * "9,999,999.00 元" / "¥9,999,999.00" read the same on every page, in every error and every export.
 */

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** The web's language until the user picks another. */
export const DEFAULT_LANG: Lang = 'zh-CN';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language of server text from an `Accept-Language` header: the first listed language (by q)
 * that is Chinese or English. Without a header, or with neither language in it, `fallback` (the API
 * answers English then, its text before languages existed, so API clients see no change).
 */
export function langFromAcceptLanguage(header: string | null | undefined, fallback: Lang = 'en'): Lang {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return fallback;
}

const ARTICLE = /^Art\s+(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)*)$/;

/** "Art 12" → [12]; "Art 2, 4" → [2, 4]; "Art 6.3" → [6.3]; anything else (not an article of the measures) → null. */
export function articleNumbers(article: string): number[] | null {
  const match = ARTICLE.exec(article.trim());
  return match ? match[1].split(/\s*,\s*/).map(Number) : null;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 12 → 十二, 20 → 二十, 105 → 一百零五: numbers as the measures write their articles. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds}零${DIGITS[rest]}`;
  // 一百一十二, not 一百十二: inside a larger number the ten keeps its 一.
  return `${hundreds}${rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest)}`;
}

/**
 * The one article format per language: "Art 12" → "第十二条" (zh-CN) or "Art 12" (en);
 * "Art 2, 4" → "第二、四条" / "Art 2, 4"; "Art 6.3" → "第六条第三款". Text that is not an article is returned
 * as it came.
 */
export function formatArticle(article: string, lang: Lang): string {
  const numbers = articleNumbers(article);
  if (!numbers) return article;
  if (lang === 'en') return `Art ${numbers.join(', ')}`;
  // "Art 6.3" is paragraph 3 of article 6: 第六条第三款.
  const zh = numbers.map((n) => {
    const [article, paragraph] = String(n).split('.').map(Number);
    return paragraph
      ? `${chineseNumeral(article)}条第${chineseNumeral(paragraph)}款`
      : chineseNumeral(article);
  });
  const last = zh[zh.length - 1];
  return `第${zh.join('、')}${last.endsWith('款') ? '' : '条'}`;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * An amount in yuan as the API sends it ("9999999.00") → "9,999,999.00 元" (zh-CN) or
 * "¥9,999,999.00" (en). String work only: a JS number cannot hold every amount exactly. Decimals
 * beyond two are kept as sent (rounding is the ledger's job); anything else is returned unchanged.
 */
export function formatMoney(amount: string, lang: Lang): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return amount;
  const [, sign, intDigits = '', fracDigits = ''] = match;
  if (intDigits === '' && fracDigits === '') return amount;
  const integer = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const fraction = fracDigits.padEnd(2, '0');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const minus = sign === '-' && !/^0*$/.test(integer + fraction) ? '-' : '';
  return lang === 'en' ? `${minus}¥${grouped}.${fraction}` : `${minus}${grouped}.${fraction} 元`;
}
