import type { TableColumnsType } from 'antd';
import { Tooltip } from 'antd';
import { usePolicy } from '../../app/useViewer';
import type { ClaimRow } from './claims.graphql';
import { ClaimStatusTag } from './ClaimStatusTag';
import { renderMoney } from './Money';
import { coSignProgress } from './progress';

/** "1/3（区知识产权局）" against the co-signing offices of the policy in force, the rejection on hover. */
function CoSignCell({ approvals }: { approvals: ClaimRow['approvals'] }) {
  const policy = usePolicy();
  if (!policy) return null;
  const progress = coSignProgress(approvals, policy.coSigningOffices.value);
  const rejected = approvals.find((a) => a.decision === 'REJECTED');
  return (
    <Tooltip title={rejected ? `${rejected.organization.name} 已驳回` : undefined}>
      <span>{progress.text}</span>
    </Tooltip>
  );
}

/**
 * 补偿申请 list: who, where in the workflow (status, filing date, co-signatures) — on screen at 1440 px
 * before any scroll (issue 11) — then the R5 split (B = F + G + K) and the bank.
 */
export const CLAIM_COLUMNS: TableColumnsType<ClaimRow> = [
  { title: '合同编号', dataIndex: ['loan', 'contractNo'], key: 'contractNo', fixed: 'left', width: 150 },
  { title: '企业', dataIndex: ['loan', 'enterpriseName'], key: 'enterprise', width: 190, ellipsis: true },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    render: (status: string) => <ClaimStatusTag status={status} />,
  },
  { title: '申请日', dataIndex: 'filedOn', key: 'filedOn', width: 110 },
  {
    title: '会签进度',
    key: 'coSign',
    width: 170,
    render: (_: unknown, claim: ClaimRow) => <CoSignCell approvals={claim.approvals} />,
  },
  {
    title: '补偿资金 F',
    dataIndex: 'fundShare',
    key: 'fundShare',
    align: 'right',
    width: 140,
    render: renderMoney,
  },
  {
    title: '损失基数 B',
    dataIndex: 'lossBase',
    key: 'lossBase',
    align: 'right',
    width: 140,
    render: renderMoney,
  },
  {
    title: '担保分担 G',
    dataIndex: 'guarantorShare',
    key: 'guarantorShare',
    align: 'right',
    width: 140,
    render: (value: string, claim: ClaimRow) => (claim.threeParty ? renderMoney(value) : '—'),
  },
  {
    title: '银行承担 K',
    dataIndex: 'bankShare',
    key: 'bankShare',
    align: 'right',
    width: 140,
    render: renderMoney,
  },
  { title: '银行', dataIndex: ['loan', 'bankName'], key: 'bank', width: 170, ellipsis: true },
];
