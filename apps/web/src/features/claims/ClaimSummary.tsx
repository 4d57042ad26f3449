import { Descriptions } from 'antd';
import type { ClaimDetail } from './claims.graphql';
import { Money } from './Money';

/** The loan and the claim's key dates and figures. */
export function ClaimSummary({ claim }: { claim: ClaimDetail }) {
  const { loan } = claim;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, lg: 3 }}
      items={[
        { key: 'enterprise', label: '企业', children: loan.enterpriseName },
        { key: 'bank', label: '贷款银行', children: loan.bankName },
        {
          key: 'guarantor',
          label: '担保机构',
          children: claim.threeParty ? (loan.guarantorName ?? '—') : '—（两方贷款）',
        },
        { key: 'principal', label: '贷款本金', children: <Money value={loan.principal} /> },
        { key: 'ip', label: '知识产权质押部分', children: <Money value={loan.ipPledgedPrincipal} /> },
        {
          key: 'outstanding',
          label: '申请时贷款余额 O',
          children: <Money value={claim.outstandingPrincipal} />,
        },
        { key: 'filedOn', label: '申请日', children: claim.filedOn },
        { key: 'overdue', label: '申请时逾期天数', children: claim.overdueDaysAtFiling },
        { key: 'approvedOn', label: '终审批准日', children: claim.approvedOn ?? '—' },
        { key: 'paidOn', label: '支付日', children: claim.paidOn ?? '—' },
        { key: 'fund', label: '补偿资金 F', children: <Money value={claim.fundShare} /> },
        { key: 'bankShare', label: '银行承担 K', children: <Money value={claim.bankShare} /> },
      ]}
    />
  );
}
