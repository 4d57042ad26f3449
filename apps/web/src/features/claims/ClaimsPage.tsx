import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useViewerPermissions } from '../../app/useViewer';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useLang } from '../../i18n';
import { ClaimDrawer } from './ClaimDrawer';
import { claimColumns } from './claimColumns';
import {
  claimExportParams,
  claimListFromParams,
  claimListVariables,
  CLAIM_SORTABLE_COLUMNS,
} from './claimListState';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { ExportButton } from '../../lib/ExportButton';
import { exportHref, formatSort, sortFromTable, sortOrderOf } from '../../lib/tableQuery';
import { useColumnSettings } from '../../lib/columnSettings';
import { CLAIM_STATUSES, claimStatusLabel } from './claimLabels';
import { CLAIMS_QUERY, type KnownClaimStatus } from './claims.graphql';
import { FundStatusBanner } from './FundStatusBanner';
import { ResumptionPanel } from './ResumptionPanel';
import { SubmitClaimModal } from './SubmitClaimModal';

/** 补偿申请 (Art 16–19): the claims the caller may see, the fund's state, and the next steps. */
export function ClaimsPage() {
  const { t } = useTranslation();
  const { mayTake } = useViewerPermissions();
  // The open claim is in the URL (`?open=<id>`): 待办 and 首页 link to it, and back closes it.
  const selectedId = useHashParams().open ?? null;
  const setSelectedId = (id: string | null) => setHashParams({ open: id }, { replace: false });
  const [submitting, setSubmitting] = useState(false);

  return (
    <>
      <FundStatusBanner />
      <ResumptionPanel />
      <Card
        title={t('claims.title')}
        extra={
          mayTake('claim.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)}>
              {t('claims.list.submit')}
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
  const { t } = useTranslation();
  const lang = useLang();
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  // Filters and sort live in the URL (issue 11); a change starts again at page 1.
  const params = useHashParams();
  const listState = useMemo(() => claimListFromParams(params), [params]);
  const listVariables = useMemo(() => claimListVariables(listState), [listState]);
  const listKey = JSON.stringify(listVariables);
  useEffect(() => setPager((current) => firstPage(current.pageSize)), [listKey]);
  const { data, previousData, loading, error } = useQuery(CLAIMS_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager), ...listVariables },
    fetchPolicy: 'cache-and-network',
  });
  const claims = (data ?? previousData)?.claims;
  const endCursor = nextCursor(data?.claims);
  // Built per language: the titles and the status labels follow a switch.
  const allColumns = useMemo(() => claimColumns(t), [t, lang]);
  const statusOptions = useMemo(
    () => CLAIM_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) })),
    [lang],
  );
  const table = useColumnSettings('claims', allColumns);
  const columns = table.columns.map((column) => {
    const field = CLAIM_SORTABLE_COLUMNS[String(column.key ?? '')];
    return field ? { ...column, sorter: true, sortOrder: sortOrderOf(listState.sort, field) } : column;
  });
  const f = listState.filter;

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('claims.list.status')}</Typography.Text>
        <Select<KnownClaimStatus[]>
          mode="multiple"
          allowClear
          placeholder={t('claims.list.all')}
          value={f.status ?? []}
          options={statusOptions}
          onChange={(v) => setHashParams({ status: v.length ? v.join(',') : null })}
          style={{ minWidth: 160 }}
          maxTagCount="responsive"
          aria-label={t('claims.list.status')}
        />
        <Input.Search
          allowClear
          placeholder={t('claims.list.enterprisePlaceholder')}
          defaultValue={f.enterprise ?? ''}
          onSearch={(v) => setHashParams({ enterprise: v.trim() || null })}
          style={{ width: 200 }}
          aria-label={t('claims.list.enterprise')}
        />
        <Checkbox
          checked={f.awaitingMe === true}
          onChange={(e) => setHashParams({ awaitingMe: e.target.checked ? 'true' : null })}
        >
          {t('claims.list.awaitingMe')}
        </Checkbox>
        {table.settings}
        <ExportButton
          href={exportHref('claims', claimExportParams(listState))}
          fallbackName={t('claims.list.exportName')}
        />
      </Space>
      {error && <ErrorAlert title={t('claims.list.loadFailed')} error={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={claims?.edges.map((edge) => edge.node) ?? []}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = CLAIM_SORTABLE_COLUMNS[String(one?.columnKey ?? '')];
          setHashParams({ sort: formatSort(sortFromTable(field, one?.order)) });
        }}
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
        unit={t('claims.list.unit')}
      />
    </>
  );
}
