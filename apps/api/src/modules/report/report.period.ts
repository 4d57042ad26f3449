import { createHash } from 'node:crypto';
import type { IsoDate } from '@ipfund/policy';
import { badInput } from '../../common/errors';

/** A reporting period (Art 6.6): a calendar quarter or year, in business days (Asia/Shanghai). */
export interface Period {
  /** "2026-Q4" or "2026". */
  key: string;
  kind: 'QUARTER' | 'YEAR';
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  from: IsoDate;
  to: IsoDate;
}

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses "2026" or "2026-Q4"; BAD_USER_INPUT for anything else (years 2000–2100). */
export function parsePeriod(value: string): Period {
  const m = PERIOD.exec(value);
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 2000 || year > 2100) throw badInput('report.period', { value: value.slice(0, 40) });
  if (!m[2]) {
    return { key: value, kind: 'YEAR', year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const q = Number(m[2]) as 1 | 2 | 3 | 4;
  return {
    key: value,
    kind: 'QUARTER',
    year,
    quarter: q,
    from: `${year}-${pad(q * 3 - 2)}-01` as IsoDate,
    to: `${year}-${QUARTER_ENDS[q - 1]}` as IsoDate,
  };
}

/** Parses a quarter only ("2026-Q3"), for financial statements (Art 22). */
export function parseQuarter(value: string, invalid: () => Error): Period {
  let p: Period;
  try {
    p = parsePeriod(value);
  } catch {
    throw invalid();
  }
  if (p.kind !== 'QUARTER') throw invalid();
  return p;
}

/** The quarters a period spans, in order. */
export function quartersOf(period: Period): Period[] {
  if (period.kind === 'QUARTER') return [period];
  return [1, 2, 3, 4].map((q) => parsePeriod(`${period.year}-Q${q}`));
}

/** The quarter a business date falls in. */
export function quarterOf(date: IsoDate): Period {
  const [y, m] = date.split('-').map(Number);
  return parsePeriod(`${y}-Q${Math.floor((m - 1) / 3) + 1}`);
}

/** The period's label in Chinese: 2026年第四季度 / 2026年度. */
export function periodLabelZh(period: Period): string {
  if (period.kind === 'YEAR') return `${period.year}年度`;
  return `${period.year}年第${['一', '二', '三', '四'][(period.quarter ?? 1) - 1]}季度`;
}

/**
 * JSON with object keys sorted at every level: the same content always gives the same text, whatever
 * order PostgreSQL's jsonb hands the keys back in, so a stored report's hash can be checked again.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
