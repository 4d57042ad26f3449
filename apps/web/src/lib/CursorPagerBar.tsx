import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  hasPreviousPage,
  isPageSize,
  nextPage,
  PAGE_SIZES,
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
  /** The counting word after the total, in the current language: 共 N 笔 / 件 / 行 / 家, "Total: N loans". */
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
  const { t } = useTranslation();
  const sizeOptions = PAGE_SIZES.map((size) => ({ value: size, label: t('lib.pager.pageSize', { size }) }));
  return (
    <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }} wrap>
      <Typography.Text>{t('lib.pager.total', { total: totalCount, unit })}</Typography.Text>
      <Button disabled={!hasPreviousPage(pager) || loading} onClick={() => onChange(previousPage)}>
        {t('lib.pager.previous')}
      </Button>
      <Typography.Text>
        {t('lib.pager.page', { page: pageNumber(pager), pages: pageCount(totalCount, pager.pageSize) })}
      </Typography.Text>
      <Button
        disabled={!endCursor || loading}
        onClick={() => endCursor && onChange((current) => nextPage(current, endCursor))}
      >
        {t('lib.pager.next')}
      </Button>
      <Select
        value={pager.pageSize}
        options={sizeOptions}
        onChange={(size: number) => isPageSize(size) && onChange((current) => withPageSize(current, size))}
        style={{ width: 110 }}
      />
    </Space>
  );
}
