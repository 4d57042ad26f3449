import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Dropdown, Space, Table, type TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { can } from '../../app/access';
import { navigate } from '../../app/useHashPath';
import { useViewerPermissions } from '../../app/useViewer';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { BusinessDateControl } from '../risk/BusinessDateControl';
import { ReportRiskEventModal } from '../risk/ReportRiskEventModal';
import { LoanDetailDrawer } from './LoanDetailDrawer';
import { loanColumns, LOAN_COLUMNS_HIDDEN_BY_DEFAULT } from './loanColumns';
import { LoanFilters } from './LoanFilters';
import {
  LOAN_SORTABLE_COLUMNS,
  loanExportParams,
  loanListFromParams,
  loanListVariables,
  REVERSED_SORT_COLUMNS,
} from './loanListState';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { ExportButton } from '../../lib/ExportButton';
import { exportHref, formatSort, sortFromTable, sortOrderOf } from '../../lib/tableQuery';
import { useColumnSettings } from '../../lib/columnSettings';
import { ACKNOWLEDGE_LOAN_MUTATION, LOANS_QUERY, type LoanRow } from './loans.graphql';
import { RegisterLoanModal } from './RegisterLoanModal';
import { ReportStatusModal } from './ReportStatusModal';
import { useCaller } from './useCaller';

type Dialog =
  | { kind: 'register' }
  | { kind: 'report'; loan: LoanRow }
  | { kind: 'event'; loan: LoanRow }
  | { kind: 'detail'; loanId: string }
  | null;

/**
 * 贷款台账: the loans the caller may see (the API filters by tenant), a page at a time. Each row offers
 * what the API says the caller may do on that loan now (`viewerCan`: report its status, acknowledge
 * the guarantee, report a risk event); registering and the bulk tape follow `viewerPermissions`.
 */
export function LoansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { clock } = useCaller();
  const { mayTake } = useViewerPermissions();
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  const [dialog, setDialog] = useState<Dialog>(null);
  // Filters and sort live in the URL (issue 11); a change starts again at page 1 (cursors belong to one list).
  const params = useHashParams();
  const listState = useMemo(() => loanListFromParams(params), [params]);
  const listVariables = useMemo(() => loanListVariables(listState), [listState]);
  const listKey = JSON.stringify(listVariables);
  useEffect(() => setPager((current) => firstPage(current.pageSize)), [listKey]);
  const { data, previousData, loading, error } = useQuery(LOANS_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager), ...listVariables },
    // Show the cached page at once but still ask the server: loan status changes daily.
    fetchPolicy: 'cache-and-network',
  });
  const [acknowledge, { loading: acknowledging }] = useMutation(ACKNOWLEDGE_LOAN_MUTATION);
  // Keep the previous page on screen (under the loading spinner) while the next one arrives.
  const loans = (data ?? previousData)?.loans;
  const endCursor = nextCursor(data?.loans);

  const columns = useMemo<TableColumnsType<LoanRow>>(() => {
    const onAcknowledge = async (loan: LoanRow) => {
      try {
        await acknowledge({ variables: { loanId: loan.id } });
        message.success(t('loans.list.acknowledgedDone', { contractNo: loan.contractNo }));
      } catch (err) {
        message.error(errorText(err));
      }
    };
    // 详情 always, the row's other steps behind one "更多" menu: the actions column stays narrow and
    // fixed on the right, so it never pushes the figures off screen (issue 11).
    const actions = (loan: LoanRow) => {
      const more = [
        can(loan, 'loan.reportStatus') && {
          key: 'report',
          label: t('loans.list.reportStatus'),
          onClick: () => setDialog({ kind: 'report', loan }),
        },
        can(loan, 'loan.acknowledge') && {
          key: 'acknowledge',
          label: t('loans.list.acknowledge'),
          disabled: acknowledging,
          onClick: () => void onAcknowledge(loan),
        },
        can(loan, 'risk.reportEvent') && {
          key: 'event',
          label: t('loans.list.reportRisk'),
          onClick: () => setDialog({ kind: 'event', loan }),
        },
      ].filter((item) => item !== false);
      return (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'detail', loanId: loan.id })}>
            {t('loans.list.detail')}
          </Button>
          {more.length > 0 && (
            <Dropdown menu={{ items: more }} trigger={['click']}>
              <Button type="link" size="small" aria-label={t('loans.list.moreActions')}>
                {t('loans.list.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      );
    };
    return [
      ...loanColumns(t),
      {
        title: t('loans.columns.actions'),
        key: 'actions',
        fixed: 'right',
        width: 130,
        render: (_: unknown, loan) => actions(loan),
      },
    ];
  }, [acknowledge, acknowledging, message, t]);
  const table = useColumnSettings('loans', columns, { defaultHidden: LOAN_COLUMNS_HIDDEN_BY_DEFAULT });
  // Sortable columns show the URL's sort; overdue days sort by the unpaid due date, reversed.
  const sortedColumns = table.columns.map((column) => {
    const key = String(column.key ?? '');
    const field = LOAN_SORTABLE_COLUMNS[key];
    if (!field) return column;
    const order = sortOrderOf(listState.sort, field);
    const reversed = REVERSED_SORT_COLUMNS.has(key);
    const flip = (o: typeof order) => (o === 'ascend' ? 'descend' : o === 'descend' ? 'ascend' : null);
    return { ...column, sorter: true, sortOrder: reversed ? flip(order) : order };
  });

  return (
    <Card
      title={t('loans.list.title')}
      extra={
        <Space wrap>
          {table.settings}
          <ExportButton
            href={exportHref('loans', loanExportParams(listState))}
            fallbackName={t('loans.list.exportName')}
          />
          <BusinessDateControl />
          {mayTake('loan.register') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'register' })}>
              {t('loans.list.register')}
            </Button>
          )}
          {mayTake('loan.uploadTape') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/loan-tape')}>
              {t('loans.list.bulkImport')}
            </Button>
          )}
        </Space>
      }
    >
      <LoanFilters state={listState} />
      {error && <ErrorAlert title={t('loans.list.loadFailed')} error={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={sortedColumns}
        dataSource={loans?.edges.map((edge) => edge.node) ?? []}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = String(one?.columnKey ?? '');
          const reversed = REVERSED_SORT_COLUMNS.has(key);
          const order = one?.order && reversed ? (one.order === 'ascend' ? 'descend' : 'ascend') : one?.order;
          setHashParams({ sort: formatSort(sortFromTable(LOAN_SORTABLE_COLUMNS[key], order)) });
        }}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <CursorPagerBar
        pager={pager}
        onChange={setPager}
        totalCount={loans?.totalCount ?? 0}
        endCursor={endCursor}
        loading={loading}
        unit={t('loans.list.unit')}
      />
      {dialog?.kind === 'register' && <RegisterLoanModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'report' && (
        <ReportStatusModal
          loan={dialog.loan}
          businessDate={clock?.businessDate}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'event' && (
        <ReportRiskEventModal
          loan={{
            id: dialog.loan.id,
            contractNo: dialog.loan.contractNo,
            enterprise: dialog.loan.enterprise.name,
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'detail' && (
        <LoanDetailDrawer loanId={dialog.loanId} onClose={() => setDialog(null)} />
      )}
      {/* `?open=<loan id>`: a link from 待办 or 首页 opens the loan here. */}
      {params.open && dialog?.kind !== 'detail' && (
        <LoanDetailDrawer loanId={params.open} onClose={() => setHashParams({ open: null })} />
      )}
    </Card>
  );
}
