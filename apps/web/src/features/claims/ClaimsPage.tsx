import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useViewerPermissions } from '../../app/useViewer';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ClaimDrawer } from './ClaimDrawer';
import { CLAIM_COLUMNS } from './claimColumns';
import { useColumnSettings } from '../../lib/columnSettings';
import { CLAIM_STATUSES, claimStatusLabel } from './claimLabels';
import { CLAIMS_QUERY, type KnownClaimStatus } from './claims.graphql';
import { FundStatusBanner } from './FundStatusBanner';
import { ResumptionPanel } from './ResumptionPanel';
import { SubmitClaimModal } from './SubmitClaimModal';

const STATUS_OPTIONS = CLAIM_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) }));

/** 补偿申请 (Art 16–19): the claims the caller may see, the fund's state, and the next steps. */
export function ClaimsPage() {
  const { mayTake } = useViewerPermissions();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  return (
    <>
      <FundStatusBanner />
      <ResumptionPanel />
      <Card
        title="补偿申请"
        extra={
          mayTake('claim.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)}>
              发起补偿申请
            </Button>
          )
        }
      >
        <ClaimsTable onOpen={setSelectedId} />
      </Card>
      {submitting && (
        <SubmitClaimModal
          onClose={() => setSubmitting(false)}
          onSubmitted={(id) => {
            setSubmitting(false);
            setSelectedId(id);
          }}
        />
      )}
      <ClaimDrawer claimId={selectedId} onClose={() => setSelectedId(null)} />
    </>
  );
}

function ClaimsTable({ onOpen }: { onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<KnownClaimStatus | null>(null);
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  const { data, previousData, loading, error } = useQuery(CLAIMS_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager), status },
    fetchPolicy: 'cache-and-network',
  });
  const claims = (data ?? previousData)?.claims;
  const endCursor = nextCursor(data?.claims);
  const table = useColumnSettings('claims', CLAIM_COLUMNS);

  const changeStatus = (next: KnownClaimStatus | undefined) => {
    setStatus(next ?? null);
    // Cursors belong to one filter: a new filter starts again at page 1.
    setPager((current) => firstPage(current.pageSize));
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>状态</Typography.Text>
        <Select<KnownClaimStatus>
          allowClear
          placeholder="全部"
          value={status ?? undefined}
          options={STATUS_OPTIONS}
          onChange={changeStatus}
          style={{ width: 160 }}
        />
        {table.settings}
      </Space>
      {error && <ErrorAlert title="补偿申请加载失败" error={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={table.columns}
        dataSource={claims?.edges.map((edge) => edge.node) ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(claim) => ({ onClick: () => onOpen(claim.id), style: { cursor: 'pointer' } })}
      />
      <CursorPagerBar
        pager={pager}
        onChange={setPager}
        totalCount={claims?.totalCount ?? 0}
        endCursor={endCursor}
        loading={loading}
        unit="件"
      />
    </>
  );
}
