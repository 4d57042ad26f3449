import { i18n } from '../../i18n';
import { formatYuan } from '../../lib/money';
import { limitedByLabel, tierLabel } from './claimLabels';
import type { ClaimComputation } from './claims.graphql';
import type { zh } from './i18n';
import { formatRate } from './policyText';

/** One line of the R5 comparison: the figure at filing and at the final approval, as display text (in the current language). */
export interface ComputationRow {
  key: string;
  label: string;
  filing: string;
  final: string | null;
}

/** A figure of the computation; null when the caller may not see it (then the row is left out). */
type Field = { key: keyof typeof zh.computation.rows; value: (c: ClaimComputation) => string | null };

const money = (value: string) => formatYuan(value);

/** R5 steps 1–8 in order (Art 11, 14). */
const FIELDS: readonly Field[] = [
  { key: 'asOf', value: (c) => c.asOf },
  { key: 'lossBase', value: (c) => money(c.lossBase) },
  {
    key: 'tier',
    value: (c) =>
      i18n.t('claims.computation.rows.tierValue', {
        tier: tierLabel(c.tier),
        rate: formatRate(c.tierCapRate),
      }),
  },
  { key: 'fundRate', value: (c) => formatRate(c.fundRate) },
  { key: 'f0', value: (c) => money(c.fundShareBeforeCaps) },
  { key: 'f1', value: (c) => money(c.fundShareAfterLoanCap) },
  // Σ over every bank's claims on the borrower: shown to the programme only (DOMAIN §2); a bank sees
  // how much the enterprise-year cap took from its own claim.
  {
    key: 'yearSoFar',
    value: (c) =>
      c.enterpriseYearCompensatedSoFar === null ? null : money(c.enterpriseYearCompensatedSoFar),
  },
  { key: 'yearCapReduction', value: (c) => money(c.enterpriseYearCapReduction) },
  { key: 'fundShare', value: (c) => money(c.fundShare) },
  { key: 'guarantorRate', value: (c) => formatRate(c.guarantorRate) },
  { key: 'guarantorShare', value: (c) => money(c.guarantorShare) },
  { key: 'bankShare', value: (c) => money(c.bankShare) },
  { key: 'limitedBy', value: (c) => limitedByLabel(c.limitedBy) },
];

export function computationRows(filing: ClaimComputation, final: ClaimComputation | null): ComputationRow[] {
  return FIELDS.flatMap(({ key, value }) => {
    const label = i18n.t(`claims.computation.rows.${key}`);
    const atFiling = value(filing);
    const atFinal = final ? value(final) : null;
    if (atFiling === null && atFinal === null) return [];
    return [{ key, label, filing: atFiling ?? '—', final: atFinal }];
  });
}
