import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@ipfund/shared';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { usePolicy } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { useLang } from '../../i18n';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ExportButton } from '../../lib/ExportButton';
import { formatWan, formatYuan } from '../../lib/money';
import { exportHref, formatSort, sortFromTable, sortOrderOf } from '../../lib/tableQuery';
import {
  FUND_STATUS_QUERY,
  LEDGER_ENTRIES_QUERY,
  TRIAL_BALANCE_QUERY,
  type FundStatus,
  type LedgerEntryRow,
  type LedgerTransaction,
  type TrialBalanceLine,
} from './ledger.graphql';
import { PostingFormModal, ReverseModal, type PostingFormKind } from './LedgerForms';
import { accountTypeLabel, canReverse, cite, kindColor, kindLabel, normalSideLabel } from './ledgerDisplay';
import {
  LEDGER_SORTABLE_COLUMNS,
  ledgerExportParams,
  ledgerListFromParams,
  ledgerListVariables,
  trialBalanceExportParams,
  type LedgerListState,
} from './ledgerListState';

// Tabular figures keep the digits of right-aligned amounts in columns.
const money = (value: string) => (
  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(value)}</span>
);
/** A zero side of a journal line stays blank, as on a paper voucher. */
const side = (value: string) => (/^0+(\.0+)?$/.test(value) ? '' : money(value));

/**
 * 资金账簿: the fund's status, the trial balance and the journal (R1; Art 3, 7, 10, 18, 24). Postings
 * and reversals follow the fund's `viewerCan` (ledger.recordInterestIncome, ledger.recordProgrammeCost,
 * ledger.reverseTransaction).
 */
export function LedgerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const policy = usePolicy();
  // The journal's filters and sort, and the trial balance's date, live in the URL (issue 11).
  const params = useHashParams();
  const listState = useMemo(() => ledgerListFromParams(params), [params]);
  const status = useQuery(FUND_STATUS_QUERY, { fetchPolicy: 'cache-and-network' });
  const fund = status.data?.fundStatus;
  // Every account and the deposit bank: the whole chart, whatever date the trial balance shows.
  const trial = useQuery(TRIAL_BALANCE_QUERY, {
    variables: { asOf: null },
    fetchPolicy: 'cache-and-network',
  });
  const [form, setForm] = useState<PostingFormKind | null>(null);
  const [reversing, setReversing] = useState<LedgerTransaction | null>(null);
  const businessDate = status.data?.portalInfo.businessDate;
  const lines = trial.data?.trialBalance.lines;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('ledger.status.title')}
        extra={
          <Space wrap>
            {can(fund, 'ledger.recordInterestIncome') && (
              <Button type="primary" disabled={!businessDate} onClick={() => setForm('INTEREST_INCOME')}>
                {t('ledger.status.recordInterest')}
              </Button>
            )}
            {can(fund, 'ledger.recordProgrammeCost') && (
              <Button disabled={!businessDate} onClick={() => setForm('PROGRAMME_COST')}>
                {t('ledger.status.recordCost')}
              </Button>
            )}
          </Space>
        }
      >
        {status.error && (
          <Alert
            type="error"
            showIcon
            title={t('ledger.status.loadFailed')}
            description={status.error.message}
          />
        )}
        {fund && <FundStatusCards status={fund} lines={lines} policy={policy} lang={lang} />}
      </Card>

      <TrialBalanceCard state={listState} />
      <JournalCard
        state={listState}
        accounts={lines ?? []}
        onReverse={can(fund, 'ledger.reverseTransaction') ? setReversing : undefined}
      />

      {businessDate && (
        <PostingFormModal
          kind={form ?? 'INTEREST_INCOME'}
          open={form !== null}
          policy={policy}
          businessDate={businessDate}
          onClose={() => setForm(null)}
        />
      )}
      <ReverseModal transaction={reversing} onClose={() => setReversing(null)} />
    </Space>
  );
}

function FundStatusCards({
  status,
  lines,
  policy,
  lang,
}: {
  status: FundStatus;
  lines: readonly TrialBalanceLine[] | undefined;
  policy: Policy | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const principalAccount = lines?.find((l) => l.depositBank !== null);
  const breaker = policy?.circuitBreakerCumulative;
  const provisions = (...keys: string[]) => cite(lang, ...keys.map((key) => provisionArticle(policy, key)));
  const figure = (title: string, value: string | null, note: string) => (
    <Col xs={24} sm={12} lg={6}>
      <Card size="small">
        <Statistic
          title={title}
          value={value ?? '—'}
          formatter={() => (value === null ? '—' : formatYuan(value))}
        />
        <Typography.Text type="secondary">{note}</Typography.Text>
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {figure(
          t('ledger.status.principal'),
          status.principalBalance,
          t('ledger.status.principalNote', { cite: provisions('fundUse', 'termination') }),
        )}
        {figure(
          t('ledger.status.interest'),
          status.interestBalance,
          t('ledger.status.interestNote', { cite: provisions('interestAccount') }),
        )}
        {figure(
          t('ledger.status.cumulative'),
          status.cumulativeCompensation,
          breaker
            ? t('ledger.status.cumulativeBreakerNote', {
                breaker: formatWan(breaker.value, lang),
                cite: cite(lang, breaker.article),
              })
            : t('ledger.status.cumulativeNote'),
        )}
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('ledger.status.business')}
              value={status.suspended ? t('ledger.status.suspended') : t('ledger.status.normal')}
              formatter={() =>
                status.suspended ? (
                  <Tag color="red" style={{ fontSize: 16, padding: '4px 8px' }}>
                    {t('ledger.status.suspended')}
                  </Tag>
                ) : (
                  <Tag color="green" style={{ fontSize: 16, padding: '4px 8px' }}>
                    {t('ledger.status.running')}
                  </Tag>
                )
              }
            />
            <Typography.Text type="secondary">
              {t('ledger.status.breakerNote', { cite: breaker ? cite(lang, breaker.article) : '' })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {principalAccount && (
        <Typography.Text type="secondary">
          {t('ledger.status.depositBank', {
            cite: provisions('fundUse'),
            bank: principalAccount.depositBank,
            accountNo: principalAccount.depositAccountNo,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

function TrialBalanceCard({ state }: { state: LedgerListState }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(TRIAL_BALANCE_QUERY, {
    variables: { asOf: state.asOf },
    fetchPolicy: 'cache-first',
  });
  const tb = data?.trialBalance;
  const columns: TableColumnsType<TrialBalanceLine> = [
    { title: t('ledger.trialBalance.accountCode'), dataIndex: 'accountCode', width: 110 },
    { title: t('ledger.trialBalance.name'), dataIndex: 'name' },
    {
      title: t('ledger.trialBalance.type'),
      dataIndex: 'type',
      render: (type: string) => accountTypeLabel(type),
    },
    { title: t('ledger.trialBalance.debitTotal'), dataIndex: 'debitTotal', align: 'right', render: money },
    { title: t('ledger.trialBalance.creditTotal'), dataIndex: 'creditTotal', align: 'right', render: money },
    {
      title: t('ledger.trialBalance.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (balance: string, line: TrialBalanceLine) => (
        <Space size={4}>
          <Typography.Text type="secondary">{normalSideLabel(line.normalSide)}</Typography.Text>
          {money(balance)}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title={t('ledger.trialBalance.title')}
      extra={
        <Space wrap>
          {tb &&
            (tb.balanced ? (
              <Tag color="green">{t('ledger.trialBalance.balanced')}</Tag>
            ) : (
              <Tag color="red">{t('ledger.trialBalance.unbalanced')}</Tag>
            ))}
          <DatePicker
            placeholder={t('ledger.trialBalance.asOf')}
            aria-label={t('ledger.trialBalance.asOf')}
            value={state.asOf ? dayjs(state.asOf) : null}
            onChange={(d) => setHashParams({ asOf: d ? d.format('YYYY-MM-DD') : null })}
          />
          <ExportButton
            href={exportHref('trial-balance', trialBalanceExportParams(state))}
            fallbackName={t('ledger.trialBalance.exportName')}
          />
        </Space>
      }
    >
      {error && <ErrorAlert title={t('ledger.trialBalance.loadFailed')} error={error} />}
      <Table
        rowKey="accountCode"
        size="middle"
        columns={columns}
        dataSource={tb?.lines ?? []}
        loading={loading && !tb}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() =>
          tb && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('ledger.trialBalance.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {money(tb.debitTotal)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {money(tb.creditTotal)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}

/** Rows of one transaction sit together on a page; its shared cells span them. */
function rowSpans(rows: readonly LedgerEntryRow[]): Map<string, number> {
  const spans = new Map<string, number>();
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i].transaction.id !== rows[start].transaction.id) {
      spans.set(rows[start].id, i - start);
      for (let j = start + 1; j < i; j++) spans.set(rows[j].id, 0);
      start = i;
    }
  }
  return spans;
}

/**
 * The journal's filters (date range, account, memo, amount), each written to the URL, which the page
 * reads back: the URL is the one source of the list's state, so it can be linked, reloaded and exported.
 */
function JournalFilters({
  state,
  accounts,
}: {
  state: LedgerListState;
  accounts: readonly TrialBalanceLine[];
}) {
  const { t } = useTranslation();
  const f = state.filter;
  const set = (changes: Record<string, string | null>) => setHashParams(changes);
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="ledger-filters">
      <DatePicker.RangePicker
        placeholder={[t('ledger.journal.dateFrom'), t('ledger.journal.dateTo')]}
        value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          set({
            from: range?.[0]?.format('YYYY-MM-DD') ?? null,
            to: range?.[1]?.format('YYYY-MM-DD') ?? null,
          })
        }
        style={{ width: 250 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.journal.allAccounts')}
        aria-label={t('ledger.journal.account')}
        style={{ width: 220 }}
        value={f.accountCode ?? undefined}
        options={accounts.map((a) => ({ value: a.accountCode, label: `${a.accountCode} ${a.name}` }))}
        onChange={(value?: string) => set({ accountCode: value ?? null })}
      />
      <Input.Search
        key={`memo:${f.memo ?? ''}`}
        allowClear
        placeholder={t('ledger.journal.memoSearch')}
        aria-label={t('ledger.journal.memoSearch')}
        defaultValue={f.memo ?? ''}
        onSearch={(v) => set({ memo: v.trim() || null })}
        style={{ width: 180 }}
      />
      <Input
        key={`min:${f.minAmount ?? ''}`}
        allowClear
        inputMode="decimal"
        placeholder={t('ledger.journal.minAmount')}
        aria-label={t('ledger.journal.minAmount')}
        defaultValue={f.minAmount ?? ''}
        onPressEnter={(e) => set({ minAmount: e.currentTarget.value.trim() || null })}
        onBlur={(e) => set({ minAmount: e.currentTarget.value.trim() || null })}
        onChange={(e) => {
          if (!e.target.value) set({ minAmount: null });
        }}
        style={{ width: 130 }}
      />
      <Input
        key={`max:${f.maxAmount ?? ''}`}
        allowClear
        inputMode="decimal"
        placeholder={t('ledger.journal.maxAmount')}
        aria-label={t('ledger.journal.maxAmount')}
        defaultValue={f.maxAmount ?? ''}
        onPressEnter={(e) => set({ maxAmount: e.currentTarget.value.trim() || null })}
        onBlur={(e) => set({ maxAmount: e.currentTarget.value.trim() || null })}
        onChange={(e) => {
          if (!e.target.value) set({ maxAmount: null });
        }}
        style={{ width: 130 }}
      />
    </Space>
  );
}

function JournalCard({
  state,
  accounts,
  onReverse,
}: {
  state: LedgerListState;
  accounts: readonly TrialBalanceLine[];
  onReverse?: (transaction: LedgerTransaction) => void;
}) {
  const { t } = useTranslation();
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  const listVariables = useMemo(() => ledgerListVariables(state), [state]);
  const listKey = JSON.stringify(listVariables);
  // A change of filter or sort starts again at page 1 (cursors belong to one list).
  useEffect(() => setPager((current) => firstPage(current.pageSize)), [listKey]);
  const { data, previousData, loading, error } = useQuery(LEDGER_ENTRIES_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager), ...listVariables },
    fetchPolicy: 'cache-and-network',
  });
  const entries = (data ?? previousData)?.ledgerEntries;
  const endCursor = nextCursor(data?.ledgerEntries);
  const rows = useMemo(() => entries?.edges.map((e) => e.node) ?? [], [entries]);
  const spans = useMemo(() => rowSpans(rows), [rows]);
  const shared = (row: LedgerEntryRow) => ({ rowSpan: spans.get(row.id) ?? 1 });

  const columns: TableColumnsType<LedgerEntryRow> = [
    { title: t('ledger.journal.seq'), key: 'seq', onCell: shared, render: (_, row) => row.transaction.seq },
    {
      title: t('ledger.journal.date'),
      key: 'date',
      onCell: shared,
      render: (_, row) => row.transaction.businessDate,
    },
    {
      title: t('ledger.journal.kind'),
      key: 'kind',
      onCell: shared,
      render: (_, row) => (
        <Tag color={kindColor(row.transaction.kind)}>{kindLabel(row.transaction.kind)}</Tag>
      ),
    },
    {
      title: t('ledger.journal.account'),
      key: 'account',
      render: (_, row) => `${row.accountCode} ${row.accountName}`,
    },
    { title: t('ledger.journal.debit'), key: 'debit', dataIndex: 'debit', align: 'right', render: side },
    { title: t('ledger.journal.credit'), key: 'credit', dataIndex: 'credit', align: 'right', render: side },
    {
      title: t('ledger.journal.memo'),
      key: 'memo',
      onCell: shared,
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{row.transaction.memo}</span>
          {row.transaction.reversedByTransactionId && <Tag>{t('ledger.journal.reversed')}</Tag>}
          {row.transaction.referenceType === 'Claim' && <Tag color="blue">{t('ledger.journal.claim')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('ledger.journal.by'),
      key: 'by',
      onCell: shared,
      render: (_, row) => row.transaction.createdBy ?? t('ledger.journal.system'),
    },
  ];
  if (onReverse) {
    columns.push({
      title: t('ledger.journal.action'),
      key: 'action',
      fixed: 'right',
      onCell: shared,
      render: (_, row) =>
        canReverse(row.transaction) && (
          <Button size="small" danger onClick={() => onReverse(row.transaction)}>
            {t('ledger.journal.reverse')}
          </Button>
        ),
    });
  }
  // Sortable columns (business date, amount) show the URL's sort.
  const sortedColumns = columns.map((column) => {
    const field = LEDGER_SORTABLE_COLUMNS[String(column.key ?? '')];
    return field ? { ...column, sorter: true, sortOrder: sortOrderOf(state.sort, field) } : column;
  });

  return (
    <Card
      title={t('ledger.journal.title')}
      extra={
        <ExportButton
          href={exportHref('ledger-entries', ledgerExportParams(state))}
          fallbackName={t('ledger.journal.exportName')}
        />
      }
    >
      <JournalFilters state={state} accounts={accounts} />
      {error && <ErrorAlert title={t('ledger.journal.loadFailed')} error={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={sortedColumns}
        dataSource={rows}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = LEDGER_SORTABLE_COLUMNS[String(one?.columnKey ?? '')];
          setHashParams({ sort: formatSort(sortFromTable(field, one?.order)) });
        }}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <CursorPagerBar
        pager={pager}
        onChange={setPager}
        totalCount={entries?.totalCount ?? 0}
        endCursor={endCursor}
        loading={loading}
        unit={t('ledger.journal.unit')}
      />
    </Card>
  );
}
