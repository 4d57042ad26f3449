import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ClaimDrawer } from './ClaimDrawer';
import { OPEN_REMITTANCES_QUERY, PAID_CLAIM_REFS_QUERY, type Recovery } from './claims.graphql';
import { FundStatusBanner } from './FundStatusBanner';
import { articleLabel } from './policyText';
import { RECOVERY_COLUMNS, remitColumn } from './recoveryColumns';
import { RemitModal } from './RemitModal';
import { ConfirmRemittanceModal } from './ConfirmRemittanceModal';

/**
 * 追偿返还 (Art 18): the fund's shares of recoveries not yet remitted, oldest due first, overdue ones
 * flagged for the fund manager. A row opens its claim.
 */
export function RemittancesPage() {
  const policy = usePolicy();
  const [claimId, setClaimId] = useState<string | null>(null);
  const [remitting, setRemitting] = useState<Recovery | null>(null);
  const [confirming, setConfirming] = useState<Recovery | null>(null);
  const { data, loading, error } = useQuery(OPEN_REMITTANCES_QUERY, { fetchPolicy: 'cache-and-network' });
  // The API answers at most 100 claims a page; a recovery beyond them is still listed, unnamed.
  const { data: refs } = useQuery(PAID_CLAIM_REFS_QUERY, { variables: { first: 100 } });
  const loanOf = new Map(refs?.claims.edges.map(({ node }) => [node.id, node.loan]));
  const open = data?.openRemittances ?? [];
  const overdue = open.filter((r) => r.overdue).length;

  const columns: TableColumnsType<Recovery> = [
    {
      title: '补偿申请',
      dataIndex: 'claimId',
      render: (id: string) => {
        const loan = loanOf.get(id);
        return (
          <Button type="link" size="small" onClick={() => setClaimId(id)} style={{ paddingInline: 0 }}>
            {loan ? `${loan.contractNo} · ${loan.enterpriseName}` : '查看申请'}
          </Button>
        );
      },
    },
    {
      title: '银行',
      key: 'bank',
      render: (_: unknown, recovery: Recovery) => loanOf.get(recovery.claimId)?.bankName ?? '—',
    },
    ...RECOVERY_COLUMNS,
    remitColumn(setRemitting, setConfirming),
  ];

  return (
    <>
      <FundStatusBanner />
      <Card
        title={policy ? `待返还（${articleLabel(policy.remittanceDays.article)}）` : '待返还'}
        extra={
          <Space>
            <Typography.Text>共 {open.length} 笔</Typography.Text>
            {overdue > 0 && <Tag color="red">逾期 {overdue} 笔</Tag>}
          </Space>
        }
      >
        {error && <ErrorAlert title="待返还记录加载失败" error={error} />}
        <Table<Recovery>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={open}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(recovery) => ({ style: recovery.overdue ? { background: '#fff1f0' } : undefined })}
          locale={{ emptyText: '没有待返还的款项' }}
        />
      </Card>
      {remitting && <RemitModal recovery={remitting} onClose={() => setRemitting(null)} />}
      {confirming && <ConfirmRemittanceModal recovery={confirming} onClose={() => setConfirming(null)} />}
      <ClaimDrawer claimId={claimId} onClose={() => setClaimId(null)} />
    </>
  );
}
