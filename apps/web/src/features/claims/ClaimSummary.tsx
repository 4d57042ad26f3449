import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClaimDetail } from './claims.graphql';
import { Money } from './Money';

/** The loan and the claim's key dates and figures. */
export function ClaimSummary({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const { loan } = claim;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, lg: 3 }}
      items={[
        { key: 'enterprise', label: t('claims.summary.enterprise'), children: loan.enterpriseName },
        { key: 'bank', label: t('claims.summary.bank'), children: loan.bankName },
        {
          key: 'guarantor',
          label: t('claims.summary.guarantor'),
          children: claim.threeParty ? (loan.guarantorName ?? '—') : t('claims.common.twoParty'),
        },
        {
          key: 'principal',
          label: t('claims.summary.principal'),
          children: <Money value={loan.principal} />,
        },
        {
          key: 'ip',
          label: t('claims.summary.ipPledged'),
          children: <Money value={loan.ipPledgedPrincipal} />,
        },
        {
          key: 'outstanding',
          label: t('claims.summary.outstanding'),
          children: <Money value={claim.outstandingPrincipal} />,
        },
        { key: 'filedOn', label: t('claims.summary.filedOn'), children: claim.filedOn },
        { key: 'overdue', label: t('claims.summary.overdueDays'), children: claim.overdueDaysAtFiling },
        { key: 'approvedOn', label: t('claims.summary.approvedOn'), children: claim.approvedOn ?? '—' },
        { key: 'paidOn', label: t('claims.summary.paidOn'), children: claim.paidOn ?? '—' },
        { key: 'fund', label: t('claims.figure.fundShare'), children: <Money value={claim.fundShare} /> },
        {
          key: 'bankShare',
          label: t('claims.figure.bankShare'),
          children: <Money value={claim.bankShare} />,
        },
      ]}
    />
  );
}
