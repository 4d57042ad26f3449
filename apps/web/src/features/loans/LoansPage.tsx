import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
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
import { LOAN_COLUMNS } from './loanColumns';
import { LOANS_QUERY } from './loans.graphql';

const PAGE_SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: size, label: `${size} 条/页` }));

/** 贷款台账: the loans the caller may see (the API filters by tenant), a page at a time. */
export function LoansPage() {
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  const { data, previousData, loading, error } = useQuery(LOANS_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager) },
    // Show the cached page at once but still ask the server: loan status changes daily.
    fetchPolicy: 'cache-and-network',
  });
  // Keep the previous page on screen (under the loading spinner) while the next one arrives.
  const loans = (data ?? previousData)?.loans;
  const endCursor = data?.loans.pageInfo.hasNextPage ? data.loans.pageInfo.endCursor : null;

  return (
    <Card title="贷款台账">
      {error && (
        <Alert
          type="error"
          showIcon
          title="贷款台账加载失败"
          description={error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table
        rowKey="id"
        size="middle"
        columns={LOAN_COLUMNS}
        dataSource={loans?.edges.map((edge) => edge.node) ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }} wrap>
        <Typography.Text>共 {loans?.totalCount ?? 0} 笔</Typography.Text>
        <Button disabled={!hasPreviousPage(pager) || loading} onClick={() => setPager(previousPage)}>
          上一页
        </Button>
        <Typography.Text>
          第 {pageNumber(pager)} / {pageCount(loans?.totalCount ?? 0, pager.pageSize)} 页
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
    </Card>
  );
}
