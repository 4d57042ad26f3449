import { formatYuan } from '../../lib/money';
import { limitedByLabel, tierLabel } from './claimLabels';
import type { ClaimComputation } from './claims.graphql';
import { formatRate } from './policyText';

/** One line of the R5 comparison: the figure at filing and at the final approval, as display text. */
export interface ComputationRow {
  key: string;
  label: string;
  filing: string;
  final: string | null;
}

/** A figure of the computation; null when the caller may not see it (then the row is left out). */
type Field = { key: string; label: string; value: (c: ClaimComputation) => string | null };

const money = (value: string) => formatYuan(value);

/** R5 steps 1–8 in order (Art 11, 14). */
const FIELDS: readonly Field[] = [
  { key: 'asOf', label: '计算日', value: (c) => c.asOf },
  { key: 'lossBase', label: '损失基数 B', value: (c) => money(c.lossBase) },
  { key: 'tier', label: '档位', value: (c) => `${tierLabel(c.tier)}（上限 ${formatRate(c.tierCapRate)}）` },
  { key: 'fundRate', label: '补偿比例 f', value: (c) => formatRate(c.fundRate) },
  { key: 'f0', label: 'F0 = B × f', value: (c) => money(c.fundShareBeforeCaps) },
  { key: 'f1', label: 'F1（单笔上限后）', value: (c) => money(c.fundShareAfterLoanCap) },
  // Σ over every bank's claims on the borrower: shown to the programme only (DOMAIN §2); a bank sees
  // how much the enterprise-year cap took from its own claim.
  {
    key: 'yearSoFar',
    label: '企业年度已补偿',
    value: (c) =>
      c.enterpriseYearCompensatedSoFar === null ? null : money(c.enterpriseYearCompensatedSoFar),
  },
  { key: 'yearCapReduction', label: '年度上限扣减', value: (c) => money(c.enterpriseYearCapReduction) },
  { key: 'fundShare', label: '补偿资金 F', value: (c) => money(c.fundShare) },
  { key: 'guarantorRate', label: '担保分担比例 g', value: (c) => formatRate(c.guarantorRate) },
  { key: 'guarantorShare', label: '担保分担 G', value: (c) => money(c.guarantorShare) },
  { key: 'bankShare', label: '银行承担 K = B − F − G', value: (c) => money(c.bankShare) },
  { key: 'limitedBy', label: '封顶依据', value: (c) => limitedByLabel(c.limitedBy) },
];

export function computationRows(filing: ClaimComputation, final: ClaimComputation | null): ComputationRow[] {
  return FIELDS.flatMap(({ key, label, value }) => {
    const atFiling = value(filing);
    const atFinal = final ? value(final) : null;
    if (atFiling === null && atFinal === null) return [];
    return [{ key, label, filing: atFiling ?? '—', final: atFinal }];
  });
}
