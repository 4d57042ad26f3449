import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Col, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { hashWithQuery } from '../../app/hashPath';
import { ME_QUERY } from '../../app/me.graphql';
import { navigate } from '../../app/useHashPath';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatYuan } from '../../lib/money';
import { FUND_STATUS_QUERY, OPEN_REMITTANCES_QUERY } from '../claims/claims.graphql';
import { ClaimStatusTag } from '../claims/ClaimStatusTag';
import { articleLabel, formatRate } from '../claims/policyText';
import { loanStatusColor, loanStatusLabel } from '../loans/loanDisplay';
import { TaskList } from '../tasks';
import { ForecastSummaryCard } from '../forecast';
import { BANK_RISKS_QUERY } from '../risk/risk.graphql';
import { LEVEL_COLORS, levelLabel, ratioPercent } from '../risk/riskDisplay';
import {
  DASHBOARD_QUERY,
  RECENT_CLAIMS_QUERY,
  RECENT_LOANS_QUERY,
  type Dashboard,
  type RecentClaim,
  type RecentLoan,
} from './home.graphql';
import { countOf, progressPercent } from './homeDisplay';
import { PlainList } from '../../lib/PlainList';

// echarts is loaded with the charts only (the tables and figures show first).
const RiskHistoryChart = lazy(() => import('./HomeCharts').then((m) => ({ default: m.RiskHistoryChart })));
const ClaimsPipelineChart = lazy(() =>
  import('./HomeCharts').then((m) => ({ default: m.ClaimsPipelineChart })),
);
const QuarterTrendChart = lazy(() => import('./HomeCharts').then((m) => ({ default: m.QuarterTrendChart })));

const GUTTER: [number, number] = [16, 16];
const money = (value: string) => (
  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(value)}</span>
);

/**
 * 首页: what the caller's organisation is responsible for, at a glance. Which cards appear follows the
 * API — what the caller reads (`viewerPermissions.readable`) and may take, and which figures come back
 * non-null — never the organisation kind: a bank sees its portfolio, ratio and remittances; a guarantor
 * its guaranteed exposure and claims to confirm; the manager, the offices and the auditor the fund
 * against its breaker, the claims pipeline, every bank's ratio and the quarterly trend; an enterprise
 * its loans. Every figure is the API's aggregate over exactly what the caller may read.
 */
export function HomePage() {
  const { reads, mayTake } = useViewerPermissions();
  const policy = usePolicy();
  const me = useQuery(ME_QUERY).data?.me;
  const { data, error, loading } = useQuery(DASHBOARD_QUERY, { fetchPolicy: 'cache-and-network' });
  const programme = reads('LedgerEntry');
  const fund = useQuery(FUND_STATUS_QUERY, { skip: !programme, fetchPolicy: 'cache-and-network' });
  const dashboard = data?.dashboard;
  const taskList = (
    <Card size="small" styles={{ body: { paddingBlock: 0 } }}>
      <TaskList today={dashboard?.asOf} />
    </Card>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="home">
      <Typography.Text type="secondary">
        {me ? `${me.organization.name} · ${me.displayName}` : ''}
        {dashboard ? ` · 业务日期 ${dashboard.asOf}` : ''}
      </Typography.Text>
      {error && <ErrorAlert title="首页数据加载失败" error={error} />}
      {!dashboard && loading && <Skeleton active />}
      {dashboard && (
        <>
          <PortfolioFigures dashboard={dashboard} guarantor={mayTake('loan.acknowledge')} />
          {programme && fund.data && policy && (
            <FundCard
              principal={fund.data.fundStatus.principalBalance}
              interest={fund.data.fundStatus.interestBalance}
              cumulative={fund.data.fundStatus.cumulativeCompensation}
              suspended={fund.data.fundStatus.suspended}
              breaker={policy.circuitBreakerCumulative.value}
              article={policy.circuitBreakerCumulative.article}
            />
          )}
          <Row gutter={GUTTER}>
            <Col xs={24} xl={dashboard.riskHistory.length > 0 ? 12 : 24}>
              {taskList}
            </Col>
            {dashboard.riskHistory.length > 0 && policy && (
              <Col xs={24} xl={12}>
                <Card title="风险比例走势（月末）" size="small">
                  <Suspense fallback={<Skeleton active />}>
                    <RiskHistoryChart
                      series={dashboard.riskHistory}
                      warningRatio={policy.warningRatio.value}
                      suspensionRatio={policy.suspensionRatio.value}
                    />
                  </Suspense>
                  <Typography.Text type="secondary">
                    {articleLabel(policy.warningRatio.article)}：达到 {formatRate(policy.warningRatio.value)}{' '}
                    预警，达到 {formatRate(policy.suspensionRatio.value)} 暂停新增业务。
                  </Typography.Text>
                </Card>
              </Col>
            )}
          </Row>
          <Row gutter={GUTTER}>
            {reads('Claim') && (
              <Col xs={24} xl={12}>
                <Card
                  title={mayTake('claim.confirmGuarantorShare') ? '补偿申请（担保分担）' : '补偿申请进度'}
                  size="small"
                  extra={<a onClick={() => navigate('/claims')}>全部申请</a>}
                >
                  <ClaimFigures dashboard={dashboard} guarantor={mayTake('claim.confirmGuarantorShare')} />
                  {dashboard.claimsByStatus.length > 0 && (
                    <Suspense fallback={<Skeleton active />}>
                      <ClaimsPipelineChart figures={dashboard.claimsByStatus} />
                    </Suspense>
                  )}
                </Card>
              </Col>
            )}
            <Col xs={24} xl={reads('Claim') ? 12 : 24}>
              <Card title="季度趋势" size="small">
                <Suspense fallback={<Skeleton active />}>
                  <QuarterTrendChart
                    quarters={dashboard.quarters}
                    breaker={programme && policy ? policy.circuitBreakerCumulative.value : null}
                  />
                </Suspense>
              </Card>
            </Col>
          </Row>
          {reads('FundForecast') && <ForecastSummaryCard />}
          {programme && reads('BankRisk') && <BankRatios />}
          {reads('Recovery') && <RemittancesDue />}
          {!programme && <RecentLoans />}
          {!programme && reads('Claim') && <RecentClaims />}
        </>
      )}
    </Space>
  );
}

function Figure({
  title,
  value,
  suffix,
  tone,
}: {
  title: string;
  value: ReactNode;
  suffix?: string;
  tone?: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value as string}
        suffix={suffix}
        styles={{ content: { color: tone } }}
      />
    </Card>
  );
}

function PortfolioFigures({ dashboard, guarantor }: { dashboard: Dashboard; guarantor: boolean }) {
  const p = dashboard.portfolio;
  return (
    <Row gutter={GUTTER}>
      <Col xs={24} sm={12} md={6}>
        <Figure title={guarantor ? '担保贷款' : '贷款笔数'} value={p.loanCount} suffix="笔" />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title={guarantor ? '担保敞口（贷款余额）' : '贷款余额'}
          value={formatYuan(p.outstandingPrincipal)}
        />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title="逾期贷款"
          value={`${p.overdueLoans} 笔`}
          tone={p.overdueLoans > 0 ? '#d4380d' : undefined}
        />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title="逾期余额"
          value={formatYuan(p.overduePrincipal)}
          tone={p.overdueLoans > 0 ? '#d4380d' : undefined}
        />
      </Col>
    </Row>
  );
}

function FundCard(props: {
  principal: string | null;
  interest: string | null;
  cumulative: string | null;
  suspended: boolean;
  breaker: string;
  article: string;
}) {
  const percent = progressPercent(props.cumulative, props.breaker);
  return (
    <Card
      title="风险补偿资金"
      size="small"
      extra={props.suspended ? <Tag color="red">补偿业务已暂停</Tag> : <Tag color="green">正常受理</Tag>}
    >
      <Row gutter={GUTTER}>
        <Col xs={24} md={8}>
          <Statistic title="专户本金余额" value={props.principal ? formatYuan(props.principal) : '—'} />
        </Col>
        <Col xs={24} md={8}>
          <Statistic title="利息子账户余额" value={props.interest ? formatYuan(props.interest) : '—'} />
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title="累计补偿（终审批准）"
            value={props.cumulative ? formatYuan(props.cumulative) : '—'}
          />
          <Progress
            percent={percent}
            status={props.suspended ? 'exception' : percent >= 80 ? 'active' : 'normal'}
            strokeColor={percent >= 80 ? '#fa541c' : undefined}
            format={(p) => `${p}%`}
          />
          <Typography.Text type="secondary">
            熔断线 {formatYuan(props.breaker)}（{articleLabel(props.article)}）
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

function ClaimFigures({ dashboard, guarantor }: { dashboard: Dashboard; guarantor: boolean }) {
  const c = dashboard.claimsByStatus;
  const items = guarantor
    ? [
        { label: '待确认分担', value: countOf(c, 'SUBMITTED') },
        { label: '审核中', value: countOf(c, 'GUARANTOR_CONFIRMED', 'VERIFIED', 'APPROVED') },
        { label: '已支付', value: countOf(c, 'PAID') },
      ]
    : [
        { label: '待核实', value: countOf(c, 'SUBMITTED', 'GUARANTOR_CONFIRMED') },
        { label: '会签中', value: countOf(c, 'VERIFIED') },
        { label: '待支付', value: countOf(c, 'APPROVED') },
        { label: '已退回', value: countOf(c, 'RETURNED') },
        { label: '已支付', value: countOf(c, 'PAID') },
      ];
  return (
    <Row gutter={[8, 8]}>
      {items.map((i) => (
        <Col key={i.label} xs={8} md={Math.floor(24 / items.length)}>
          <Statistic title={i.label} value={i.value} suffix="件" />
        </Col>
      ))}
    </Row>
  );
}

function BankRatios() {
  const policy = usePolicy();
  const { data } = useQuery(BANK_RISKS_QUERY, { fetchPolicy: 'cache-and-network' });
  const risks = data?.bankRisks ?? [];
  return (
    <Card title="各银行风险比例" size="small" extra={<a onClick={() => navigate('/risk')}>风险监测</a>}>
      <PlainList
        items={risks}
        rowKey={(r) => r.bank.id}
        renderItem={(r) => (
          <div className="plain-list-item">
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <span>{r.bank.name}</span>
              <Space>
                <Typography.Text strong>{ratioPercent(r.ratio)}</Typography.Text>
                <Tag color={LEVEL_COLORS[r.level]}>{levelLabel(r.level, policy)}</Tag>
                {r.suspended && <Tag color="red">已暂停</Tag>}
              </Space>
            </Space>
          </div>
        )}
      />
    </Card>
  );
}

function RemittancesDue() {
  const { data } = useQuery(OPEN_REMITTANCES_QUERY, { fetchPolicy: 'cache-and-network' });
  const open = data?.openRemittances ?? [];
  const overdue = open.filter((r) => r.overdue);
  if (!data) return null;
  return (
    <Card title="待返还追偿款" size="small" extra={<a onClick={() => navigate('/remittances')}>追偿返还</a>}>
      {open.length === 0 ? (
        <Typography.Text type="secondary">暂无待返还款项</Typography.Text>
      ) : (
        <Space wrap size="large">
          <Statistic title="待返还" value={open.length} suffix="笔" />
          <Statistic
            title="其中逾期"
            value={overdue.length}
            suffix="笔"
            styles={{ content: { color: overdue.length ? '#d4380d' : undefined } }}
          />
          <Statistic
            title="最近到期"
            value={[...open].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]?.dueOn ?? '—'}
          />
        </Space>
      )}
    </Card>
  );
}

const RECENT_LOAN_COLUMNS: TableColumnsType<RecentLoan> = [
  { title: '合同编号', dataIndex: 'contractNo' },
  { title: '企业', dataIndex: ['enterprise', 'name'], responsive: ['md'] },
  { title: '银行', dataIndex: ['bank', 'name'], responsive: ['lg'] },
  { title: '贷款余额', dataIndex: 'outstandingPrincipal', align: 'right', render: money },
  { title: '放款日', dataIndex: 'issuedOn', responsive: ['md'] },
  { title: '逾期天数', dataIndex: 'overdueDays', align: 'right' },
  {
    title: '状态',
    dataIndex: 'status',
    render: (s: string) => <Tag color={loanStatusColor(s)}>{loanStatusLabel(s)}</Tag>,
  },
];

function RecentLoans() {
  const { data } = useQuery(RECENT_LOANS_QUERY, {
    variables: { first: 5 },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Card
      title={`最近贷款（共 ${data?.loans.totalCount ?? 0} 笔）`}
      size="small"
      extra={<a onClick={() => navigate('/loans')}>贷款台账</a>}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={RECENT_LOAN_COLUMNS}
        dataSource={data?.loans.edges.map((e) => e.node) ?? []}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

const RECENT_CLAIM_COLUMNS: TableColumnsType<RecentClaim> = [
  { title: '合同编号', dataIndex: ['loan', 'contractNo'] },
  { title: '企业', dataIndex: ['loan', 'enterpriseName'], responsive: ['md'] },
  { title: '申请日', dataIndex: 'filedOn' },
  { title: '补偿资金 F', dataIndex: 'fundShare', align: 'right', render: money, responsive: ['sm'] },
  { title: '状态', dataIndex: 'status', render: (s: string) => <ClaimStatusTag status={s} /> },
];

function RecentClaims() {
  const { data } = useQuery(RECENT_CLAIMS_QUERY, {
    variables: { first: 5 },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Card
      title={`最近补偿申请（共 ${data?.claims.totalCount ?? 0} 件）`}
      size="small"
      extra={<a onClick={() => navigate('/claims')}>补偿申请</a>}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={RECENT_CLAIM_COLUMNS}
        dataSource={data?.claims.edges.map((e) => e.node) ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(claim) => ({
          onClick: () => navigate(hashWithQuery('/claims', { open: claim.id }).slice(1)),
          style: { cursor: 'pointer' },
        })}
      />
    </Card>
  );
}
