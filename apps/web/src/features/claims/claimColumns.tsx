import type { TableColumnsType } from 'antd';
import { Tooltip } from 'antd';
import type { ClaimRow } from './claims.graphql';
import { ClaimStatusTag } from './ClaimStatusTag';
import { renderMoney } from './Money';
import { coSignProgress } from './progress';

/** 补偿申请 list: who, where in the workflow, and the R5 split (B = F + G + K). */
export const CLAIM_COLUMNS: TableColumnsType<ClaimRow> = [
  { title: '合同编号', dataIndex: ['loan', 'contractNo'], fixed: 'left' },
  { title: '企业', dataIndex: ['loan', 'enterpriseName'] },
  { title: '银行', dataIndex: ['loan', 'bankName'] },
  { title: '状态', dataIndex: 'status', render: (status: string) => <ClaimStatusTag status={status} /> },
  { title: '损失基数 B', dataIndex: 'lossBase', align: 'right', render: renderMoney },
  { title: '补偿资金 F', dataIndex: 'fundShare', align: 'right', render: renderMoney },
  {
    title: '担保分担 G',
    dataIndex: 'guarantorShare',
    align: 'right',
    render: (value: string, claim: ClaimRow) => (claim.threeParty ? renderMoney(value) : '—'),
  },
  { title: '银行承担 K', dataIndex: 'bankShare', align: 'right', render: renderMoney },
  {
    title: '会签进度',
    key: 'coSign',
    render: (_: unknown, claim: ClaimRow) => {
      const progress = coSignProgress(claim.approvals);
      const rejected = claim.approvals.find((a) => a.decision === 'REJECTED');
      return (
        <Tooltip title={rejected ? `${rejected.organization.name} 已驳回` : undefined}>
          <span>{progress.text}</span>
        </Tooltip>
      );
    },
  },
  { title: '申请日', dataIndex: 'filedOn' },
];
