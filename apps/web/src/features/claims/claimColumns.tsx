import type { TableColumnsType } from 'antd';
import { Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../app/useViewer';
import type { ClaimRow } from './claims.graphql';
import { ClaimStatusTag } from './ClaimStatusTag';
import { renderMoney } from './Money';
import { coSignProgress } from './progress';

/** "1/3（区知识产权局）" against the co-signing offices of the policy in force, the rejection on hover. */
function CoSignCell({ approvals }: { approvals: ClaimRow['approvals'] }) {
  const { t } = useTranslation();
  const policy = usePolicy();
  if (!policy) return null;
  const progress = coSignProgress(approvals, policy.coSigningOffices.value);
  const rejected = approvals.find((a) => a.decision === 'REJECTED');
  return (
    <Tooltip
      title={rejected ? t('claims.columns.rejectedBy', { name: rejected.organization.name }) : undefined}
    >
      <span>{progress.text}</span>
    </Tooltip>
  );
}

/**
 * 补偿申请 list: who, where in the workflow (status, filing date, co-signatures) — on screen at 1440 px
 * before any scroll (issue 11) — then the R5 split (B = F + G + K) and the bank. Titles in the language
 * of `t`: built while rendering.
 */
export function claimColumns(t: TFunction): TableColumnsType<ClaimRow> {
  return [
    {
      title: t('claims.columns.contractNo'),
      dataIndex: ['loan', 'contractNo'],
      key: 'contractNo',
      fixed: 'left',
      width: 150,
    },
    {
      title: t('claims.columns.enterprise'),
      dataIndex: ['loan', 'enterpriseName'],
      key: 'enterprise',
      width: 190,
      ellipsis: true,
    },
    {
      title: t('claims.columns.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: string) => <ClaimStatusTag status={status} />,
    },
    { title: t('claims.columns.filedOn'), dataIndex: 'filedOn', key: 'filedOn', width: 110 },
    {
      title: t('claims.columns.coSign'),
      key: 'coSign',
      width: 170,
      render: (_: unknown, claim: ClaimRow) => <CoSignCell approvals={claim.approvals} />,
    },
    {
      title: t('claims.figure.fundShare'),
      dataIndex: 'fundShare',
      key: 'fundShare',
      align: 'right',
      width: 140,
      render: renderMoney,
    },
    {
      title: t('claims.figure.lossBase'),
      dataIndex: 'lossBase',
      key: 'lossBase',
      align: 'right',
      width: 140,
      render: renderMoney,
    },
    {
      title: t('claims.figure.guarantorShare'),
      dataIndex: 'guarantorShare',
      key: 'guarantorShare',
      align: 'right',
      width: 140,
      render: (value: string, claim: ClaimRow) => (claim.threeParty ? renderMoney(value) : '—'),
    },
    {
      title: t('claims.figure.bankShare'),
      dataIndex: 'bankShare',
      key: 'bankShare',
      align: 'right',
      width: 140,
      render: renderMoney,
    },
    {
      title: t('claims.columns.bank'),
      dataIndex: ['loan', 'bankName'],
      key: 'bank',
      width: 170,
      ellipsis: true,
    },
  ];
}
