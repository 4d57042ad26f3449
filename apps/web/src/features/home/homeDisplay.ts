import { i18n } from '../../i18n';

/**
 * Pure helpers of the home page. Amounts stay decimal strings; the only numbers made here are chart
 * heights and a progress bar's width, which are display only (the printed figures are the API's).
 */

/** "0.0523" → 5.23 (percent, for an axis). */
export function ratioToPercent(ratio: string): number {
  const n = Number(ratio);
  return Number.isFinite(n) ? Math.round(n * 1_000_000) / 10_000 : 0;
}

/** "1500000.00" → 150 (万元, for an axis). */
export function yuanToWan(amount: string): number {
  const n = Number(amount);
  return Number.isFinite(n) ? Math.round(n / 100) / 100 : 0;
}

/**
 * How far `value` has come towards `limit`, in percent, clamped to [0, 100], one decimal — the
 * circuit breaker's progress bar (R7, Art 19). Computed on the decimal strings' fen, exactly.
 */
export function progressPercent(value: string | null | undefined, limit: string | null | undefined): number {
  const fen = (s: string | null | undefined) => {
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec((s ?? '').trim());
    return m ? BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0')) : null;
  };
  const v = fen(value);
  const l = fen(limit);
  if (v === null || l === null || l === 0n) return 0;
  const permille = (v * 1000n) / l;
  return Math.min(100, Math.max(0, Number(permille) / 10));
}

/** "2026Q3" → "2026年第3季度" / "Q3 2026" (the current language); anything else as sent. */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  return m ? i18n.t('home.charts.quarter', { year: m[1], quarter: m[2] }) : quarter;
}

/** "2026Q3" → "2026\n3季度" / "Q3\n2026": a quarter on a chart axis, on two lines; anything else as sent. */
export function quarterAxisLabel(quarter: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  return m ? i18n.t('home.charts.quarterAxis', { year: m[1], quarter: m[2] }) : quarter;
}

/** "2026-10-31" → "26-10" (a month-end on a time axis). */
export function monthLabel(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(2, 4)}-${date.slice(5, 7)}` : date;
}

/** The count of one status in a list of figures (0 when absent). */
export function countOf(
  figures: readonly { status: string; count: number }[],
  ...statuses: string[]
): number {
  return figures.filter((f) => statuses.includes(f.status)).reduce((n, f) => n + f.count, 0);
}
