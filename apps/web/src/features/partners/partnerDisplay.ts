/**
 * Display helpers for partners and agreements. Rates arrive as decimal strings ("0.30") and are
 * shown as percentages by moving the decimal point in the string: never through a JS number.
 */
import { formatArticle } from '@ipfund/shared';
import type { PartnerStatus } from '../../gql/graphql';
import { currentLang, i18n } from '../../i18n';

const RATE = /^(\d+)(?:\.(\d*))?$/;

/** "0.30" → "30%", "0.125" → "12.5%", "1" → "100%". Anything else is shown as sent. */
export function formatRate(rate: string | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const match = RATE.exec(rate.trim());
  if (!match) return rate;
  const [, intDigits, fracDigits = ''] = match;
  const frac = fracDigits.padEnd(2, '0');
  const whole = `${intDigits}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "30" → "0.30", "12.5" → "0.125", "100" → "1.00"; null when not a percentage in [0, 100]. */
export function percentToRate(percent: string): string | null {
  const match = PERCENT.exec(percent.trim());
  if (!match) return null;
  const [, intDigits, fracDigits = ''] = match;
  const padded = intDigits.padStart(3, '0');
  if (padded > '100' || (padded === '100' && /[1-9]/.test(fracDigits))) return null;
  return `${padded.slice(0, 1)}.${padded.slice(1)}${fracDigits}`;
}

/** An article of the measures in the one format of the current language (第十一条 / Art 11). */
export function articleZh(article: string): string {
  return formatArticle(article, currentLang());
}

export type PartnerStatusValue = PartnerStatus;

const STATUS_COLORS: Record<PartnerStatusValue, string> = {
  ACTIVE: 'green',
  RETIRED: 'default',
  DISQUALIFIED: 'red',
};

/** A partner's standing: its label in the current language (partners.status.*) and its tag colour. */
export function partnerStatusLabel(status: string): { label: string; color: string } {
  return Object.hasOwn(STATUS_COLORS, status)
    ? { label: i18n.t(`partners.status.${status}`), color: STATUS_COLORS[status as PartnerStatusValue] }
    : { label: status, color: 'default' };
}

export type AgreementPhase = 'IN_FORCE' | 'FUTURE' | 'PAST';

/**
 * Where a version stands, from the server's `inForce` flag: later than the version in force (or with
 * none in force yet) → not yet in force; earlier → superseded. Dates compare as "YYYY-MM-DD" strings.
 */
export function agreementPhase(
  row: { effectiveFrom: string; inForce: boolean },
  inForceFrom: string | null,
): AgreementPhase {
  if (row.inForce) return 'IN_FORCE';
  if (inForceFrom === null || row.effectiveFrom > inForceFrom) return 'FUTURE';
  return 'PAST';
}

const PHASE_COLORS: Record<AgreementPhase, string> = {
  IN_FORCE: 'green',
  FUTURE: 'blue',
  PAST: 'default',
};

/** An agreement version's phase: its label in the current language (partners.phase.*) and its tag colour. */
export function agreementPhaseLabel(phase: AgreementPhase): { label: string; color: string } {
  return { label: i18n.t(`partners.phase.${phase}`), color: PHASE_COLORS[phase] };
}
