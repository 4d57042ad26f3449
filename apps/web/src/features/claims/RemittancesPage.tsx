import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ClaimDrawer } from './ClaimDrawer';
import { OPEN_REMITTANCES_QUERY, PAID_CLAIM_REFS_QUERY, type Recovery } from './claims.graphql';
import { FundStatusBanner } from './FundStatusBanner';
import { articleLabel } from './policyText';
import { recoveryColumns, remitColumn } from './recoveryColumns';
import { RemitModal } from './RemitModal';
import { ConfirmRemittanceModal } from './ConfirmRemittanceModal';

/**
 * 追偿返还 (Art 18): the fund's shares of recoveries not yet remitted, oldest due first, overdue ones
 * flagged for the fund manager. A row opens its claim.
 */
export function RemittancesPage() {
  const { t } = useTranslation();
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
      title: t('claims.remittances.claim'),
      dataIndex: 'claimId',
      render: (id: string) => {
        const loan = loanOf.get(id);
        return (
          <Button type="link" size="small" onClick={() => setClaimId(id)} style={{ paddingInline: 0 }}>
            {loan ? `${loan.contractNo} · ${loan.enterpriseName}` : t('claims.remittances.viewClaim')}
          </Button>
        );
      },
    },
    {
      title: t('claims.remittances.bank'),
      key: 'bank',
      render: (_: unknown, recovery: Recovery) => loanOf.get(recovery.claimId)?.bankName ?? '—',
    },
    ...recoveryColumns(t),
    remitColumn(t, setRemitting, setConfirming),
  ];

  return (
    <>
      <FundStatusBanner />
      <Card
        title={
          policy
            ? t('claims.remittances.titleWithArticle', {
                article: articleLabel(policy.remittanceDays.article),
              })
            : t('claims.remittances.title')
        }
        extra={
          <Space>
            <Typography.Text>{t('claims.remittances.total', { n: open.length })}</Typography.Text>
            {overdue > 0 && <Tag color="red">{t('claims.remittances.overdue', { n: overdue })}</Tag>}
          </Space>
        }
      >
        {error && <ErrorAlert title={t('claims.remittances.loadFailed')} error={error} />}
        <Table<Recovery>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={open}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(recovery) => ({ style: recovery.overdue ? { background: '#fff1f0' } : undefined })}
          locale={{ emptyText: t('claims.remittances.empty') }}
        />
      </Card>
      {remitting && <RemitModal recovery={remitting} onClose={() => setRemitting(null)} />}
      {confirming && <ConfirmRemittanceModal recovery={confirming} onClose={() => setConfirming(null)} />}
      <ClaimDrawer claimId={claimId} onClose={() => setClaimId(null)} />
    </>
  );
}
