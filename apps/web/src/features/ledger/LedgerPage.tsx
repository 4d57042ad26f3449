import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatWan, formatYuan } from '../../lib/money';
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
import {
  accountTypeLabel,
  articleLabel,
  canReverse,
  kindColor,
  kindLabel,
  normalSideLabel,
} from './ledgerDisplay';

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
  const policy = usePolicy();
  const status = useQuery(FUND_STATUS_QUERY, { fetchPolicy: 'cache-and-network' });
  const fund = status.data?.fundStatus;
  const trial = useQuery(TRIAL_BALANCE_QUERY, { fetchPolicy: 'cache-and-network' });
  const [form, setForm] = useState<PostingFormKind | null>(null);
  const [reversing, setReversing] = useState<LedgerTransaction | null>(null);
  const businessDate = status.data?.portalInfo.businessDate;
  const lines = trial.data?.trialBalance.lines;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="资金状态"
        extra={
          <Space wrap>
            {can(fund, 'ledger.recordInterestIncome') && (
              <Button type="primary" disabled={!businessDate} onClick={() => setForm('INTEREST_INCOME')}>
                登记利息收入
              </Button>
            )}
            {can(fund, 'ledger.recordProgrammeCost') && (
              <Button disabled={!businessDate} onClick={() => setForm('PROGRAMME_COST')}>
                登记成本费用
              </Button>
            )}
          </Space>
        }
      >
        {status.error && (
          <Alert type="error" showIcon title="资金状态加载失败" description={status.error.message} />
        )}
        {fund && <FundStatusCards status={fund} lines={lines} policy={policy} />}
      </Card>

      <TrialBalanceCard />
      <JournalCard
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

/** "（第七条、第二十四条）" for the provisions the policy in force has; nothing for the others. */
function cite(policy: Policy | undefined, ...keys: string[]): string {
  const articles = keys.flatMap((key) => provisionArticle(policy, key) ?? []).map(articleLabel);
  return articles.length ? `（${articles.join('、')}）` : '';
}

function FundStatusCards({
  status,
  lines,
  policy,
}: {
  status: FundStatus;
  lines: TrialBalanceLine[] | undefined;
  policy: Policy | undefined;
}) {
  const principalAccount = lines?.find((l) => l.depositBank !== null);
  const breaker = policy?.circuitBreakerCumulative;
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
          '专户本金余额',
          status.principalBalance,
          `只用于风险补偿及终止返还${cite(policy, 'fundUse', 'termination')}`,
        )}
        {figure(
          '利息二级子账户余额',
          status.interestBalance,
          `只用于相关成本费用${cite(policy, 'interestAccount')}`,
        )}
        {figure(
          '累计补偿金额',
          status.cumulativeCompensation,
          breaker
            ? `终审通过的补偿合计，达 ${formatWan(breaker.value)} 暂停新增（${articleLabel(breaker.article)}）`
            : '终审通过的补偿合计',
        )}
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic
              title="新增补偿业务"
              value={status.suspended ? '已暂停' : '正常'}
              formatter={() =>
                status.suspended ? (
                  <Tag color="red" style={{ fontSize: 16, padding: '4px 8px' }}>
                    已暂停
                  </Tag>
                ) : (
                  <Tag color="green" style={{ fontSize: 16, padding: '4px 8px' }}>
                    正常受理
                  </Tag>
                )
              }
            />
            <Typography.Text type="secondary">
              累计补偿达到熔断线后暂停{breaker ? `（${articleLabel(breaker.article)}）` : ''}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {principalAccount && (
        <Typography.Text type="secondary">
          资金存放银行{cite(policy, 'fundUse')}：{principalAccount.depositBank}，专户账号{' '}
          {principalAccount.depositAccountNo}
        </Typography.Text>
      )}
    </Space>
  );
}

const TRIAL_BALANCE_COLUMNS: TableColumnsType<TrialBalanceLine> = [
  { title: '科目编码', dataIndex: 'accountCode', width: 110 },
  { title: '科目名称', dataIndex: 'name' },
  { title: '类别', dataIndex: 'type', render: (type: string) => accountTypeLabel(type) },
  { title: '借方合计', dataIndex: 'debitTotal', align: 'right', render: money },
  { title: '贷方合计', dataIndex: 'creditTotal', align: 'right', render: money },
  {
    title: '余额',
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

function TrialBalanceCard() {
  const { data, loading, error } = useQuery(TRIAL_BALANCE_QUERY, { fetchPolicy: 'cache-first' });
  const tb = data?.trialBalance;
  return (
    <Card
      title="试算平衡表"
      extra={
        tb &&
        (tb.balanced ? <Tag color="green">借贷平衡</Tag> : <Tag color="red">借贷不平衡，请立即核查</Tag>)
      }
    >
      {error && <ErrorAlert title="试算平衡表加载失败" error={error} />}
      <Table
        rowKey="accountCode"
        size="middle"
        columns={TRIAL_BALANCE_COLUMNS}
        dataSource={tb?.lines ?? []}
        loading={loading && !tb}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() =>
          tb && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>合计</Typography.Text>
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

function JournalCard({
  accounts,
  onReverse,
}: {
  accounts: TrialBalanceLine[];
  onReverse?: (transaction: LedgerTransaction) => void;
}) {
  const [accountCode, setAccountCode] = useState<string | null>(null);
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  const { data, previousData, loading, error } = useQuery(LEDGER_ENTRIES_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager), accountCode },
    fetchPolicy: 'cache-and-network',
  });
  const entries = (data ?? previousData)?.ledgerEntries;
  const endCursor = nextCursor(data?.ledgerEntries);
  const rows = useMemo(() => entries?.edges.map((e) => e.node) ?? [], [entries]);
  const spans = useMemo(() => rowSpans(rows), [rows]);
  const shared = (row: LedgerEntryRow) => ({ rowSpan: spans.get(row.id) ?? 1 });

  const columns: TableColumnsType<LedgerEntryRow> = [
    { title: '凭证号', key: 'seq', onCell: shared, render: (_, row) => row.transaction.seq },
    { title: '业务日期', key: 'date', onCell: shared, render: (_, row) => row.transaction.businessDate },
    {
      title: '类型',
      key: 'kind',
      onCell: shared,
      render: (_, row) => (
        <Tag color={kindColor(row.transaction.kind)}>{kindLabel(row.transaction.kind)}</Tag>
      ),
    },
    { title: '科目', key: 'account', render: (_, row) => `${row.accountCode} ${row.accountName}` },
    { title: '借方', dataIndex: 'debit', align: 'right', render: side },
    { title: '贷方', dataIndex: 'credit', align: 'right', render: side },
    {
      title: '摘要',
      key: 'memo',
      onCell: shared,
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{row.transaction.memo}</span>
          {row.transaction.reversedByTransactionId && <Tag>已冲销</Tag>}
          {row.transaction.referenceType === 'Claim' && <Tag color="blue">理赔</Tag>}
        </Space>
      ),
    },
    {
      title: '经办',
      key: 'by',
      onCell: shared,
      render: (_, row) => row.transaction.createdBy ?? '系统（初始设立）',
    },
  ];
  if (onReverse) {
    columns.push({
      title: '操作',
      key: 'action',
      fixed: 'right',
      onCell: shared,
      render: (_, row) =>
        canReverse(row.transaction) && (
          <Button size="small" danger onClick={() => onReverse(row.transaction)}>
            冲销
          </Button>
        ),
    });
  }

  return (
    <Card
      title="记账凭证（日记账）"
      extra={
        <Select
          allowClear
          placeholder="全部科目"
          style={{ width: 220 }}
          value={accountCode}
          options={accounts.map((a) => ({ value: a.accountCode, label: `${a.accountCode} ${a.name}` }))}
          onChange={(value: string | undefined) => {
            setAccountCode(value ?? null);
            setPager((current) => firstPage(current.pageSize));
          }}
        />
      }
    >
      {error && <ErrorAlert title="记账凭证加载失败" error={error} />}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
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
        unit="行"
      />
    </Card>
  );
}
