import { Button, Select, Space, Typography } from 'antd';
import {
  hasPreviousPage,
  isPageSize,
  nextPage,
  PAGE_SIZE_OPTIONS,
  pageCount,
  pageNumber,
  previousPage,
  withPageSize,
  type CursorPager,
} from './cursorPager';

export interface CursorPagerBarProps {
  pager: CursorPager;
  /** Receives an update of the current pager (a `useState` setter fits). */
  onChange: (update: (current: CursorPager) => CursorPager) => void;
  totalCount: number;
  /** The `after` of the next page; null on the last page. */
  endCursor: string | null;
  loading: boolean;
  /** The counting word after the total: 共 N 笔 / 件 / 行 / 家. */
  unit: string;
}

/** The right-aligned footer under a cursor-paged table: total, previous/next, page x of y, page size. */
export function CursorPagerBar({
  pager,
  onChange,
  totalCount,
  endCursor,
  loading,
  unit,
}: CursorPagerBarProps) {
  return (
    <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }} wrap>
      <Typography.Text>
        共 {totalCount} {unit}
      </Typography.Text>
      <Button disabled={!hasPreviousPage(pager) || loading} onClick={() => onChange(previousPage)}>
        上一页
      </Button>
      <Typography.Text>
        第 {pageNumber(pager)} / {pageCount(totalCount, pager.pageSize)} 页
      </Typography.Text>
      <Button
        disabled={!endCursor || loading}
        onClick={() => endCursor && onChange((current) => nextPage(current, endCursor))}
      >
        下一页
      </Button>
      <Select
        value={pager.pageSize}
        options={PAGE_SIZE_OPTIONS}
        onChange={(size: number) => isPageSize(size) && onChange((current) => withPageSize(current, size))}
        style={{ width: 110 }}
      />
    </Space>
  );
}
