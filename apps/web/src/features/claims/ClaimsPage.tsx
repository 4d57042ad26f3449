import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import {
  currentAfter,
  firstPage,
  hasPreviousPage,
  isPageSize,
  nextPage,
  PAGE_SIZES,
  pageCount,
  pageNumber,
  previousPage,
  withPageSize,
  type CursorPager,
} from '../../lib/cursorPager';
import { canFileClaim } from './access';
import { ApiErrorAlert } from './ApiErrorAlert';
import { ClaimDrawer } from './ClaimDrawer';
import { CLAIM_COLUMNS } from './claimColumns';
import { CLAIM_STATUSES, claimStatusLabel } from './claimLabels';
import { CLAIMS_QUERY, type KnownClaimStatus } from './claims.graphql';
import { FundStatusBanner } from './FundStatusBanner';
import { ResumptionPanel } from './ResumptionPanel';
import { SubmitClaimModal } from './SubmitClaimModal';
import { useOrgKind } from './useOrgKind';

const PAGE_SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: size, label: `${size} 条/页` }));
const STATUS_OPTIONS = CLAIM_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) }));

/** 补偿申请 (Art 16–19): the claims the caller may see, the fund's state, and the next steps. */
export function ClaimsPage() {
  const kind = useOrgKind();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  return (
    <>
      <FundStatusBanner />
      <ResumptionPanel kind={kind} />
      <Card
        title="补偿申请"
        extra={
          canFileClaim(kind) && (
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
  const endCursor = data?.claims.pageInfo.hasNextPage ? data.claims.pageInfo.endCursor : null;

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
      </Space>
      {error && <ApiErrorAlert title="补偿申请加载失败" error={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={CLAIM_COLUMNS}
        dataSource={claims?.edges.map((edge) => edge.node) ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(claim) => ({ onClick: () => onOpen(claim.id), style: { cursor: 'pointer' } })}
      />
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }} wrap>
        <Typography.Text>共 {claims?.totalCount ?? 0} 件</Typography.Text>
        <Button disabled={!hasPreviousPage(pager) || loading} onClick={() => setPager(previousPage)}>
          上一页
        </Button>
        <Typography.Text>
          第 {pageNumber(pager)} / {pageCount(claims?.totalCount ?? 0, pager.pageSize)} 页
        </Typography.Text>
        <Button
          disabled={!endCursor || loading}
          onClick={() => endCursor && setPager((current) => nextPage(current, endCursor))}
        >
          下一页
        </Button>
        <Select
          value={pager.pageSize}
          options={PAGE_SIZE_OPTIONS}
          onChange={(size: number) => isPageSize(size) && setPager((current) => withPageSize(current, size))}
          style={{ width: 110 }}
        />
      </Space>
    </>
  );
}
