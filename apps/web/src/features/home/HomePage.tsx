import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Col, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { hashWithQuery } from '../../app/hashPath';
import { ME_QUERY } from '../../app/me.graphql';
import { navigate } from '../../app/useHashPath';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import { useLang } from '../../i18n';
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
  const { t } = useTranslation();
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
        {dashboard ? t('home.businessDate', { date: dashboard.asOf }) : ''}
      </Typography.Text>
      {error && <ErrorAlert title={t('home.loadFailed')} error={error} />}
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
                <Card title={t('home.riskTrend')} size="small">
                  <Suspense fallback={<Skeleton active />}>
                    <RiskHistoryChart
                      series={dashboard.riskHistory}
                      warningRatio={policy.warningRatio.value}
                      suspensionRatio={policy.suspensionRatio.value}
                    />
                  </Suspense>
                  <Typography.Text type="secondary">
                    {t('home.riskNote', {
                      article: articleLabel(policy.warningRatio.article),
                      warning: formatRate(policy.warningRatio.value),
                      suspension: formatRate(policy.suspensionRatio.value),
                    })}
                  </Typography.Text>
                </Card>
              </Col>
            )}
          </Row>
          <Row gutter={GUTTER}>
            {reads('Claim') && (
              <Col xs={24} xl={12}>
                <Card
                  title={
                    mayTake('claim.confirmGuarantorShare')
                      ? t('home.claimsGuarantor')
                      : t('home.claimsProgress')
                  }
                  size="small"
                  extra={<a onClick={() => navigate('/claims')}>{t('home.allClaims')}</a>}
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
              <Card title={t('home.quarterTrend')} size="small">
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
  const { t } = useTranslation();
  const p = dashboard.portfolio;
  return (
    <Row gutter={GUTTER}>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title={guarantor ? t('home.portfolio.guaranteedLoans') : t('home.portfolio.loanCount')}
          value={p.loanCount}
          suffix={t('home.portfolio.loansUnit')}
        />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title={guarantor ? t('home.portfolio.exposure') : t('home.portfolio.outstanding')}
          value={formatYuan(p.outstandingPrincipal)}
        />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title={t('home.portfolio.overdueLoans')}
          value={t('home.portfolio.overdueLoansValue', { n: p.overdueLoans })}
          tone={p.overdueLoans > 0 ? '#d4380d' : undefined}
        />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Figure
          title={t('home.portfolio.overduePrincipal')}
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
  const { t } = useTranslation();
  const percent = progressPercent(props.cumulative, props.breaker);
  return (
    <Card
      title={t('home.fund.title')}
      size="small"
      extra={
        props.suspended ? (
          <Tag color="red">{t('home.fund.suspended')}</Tag>
        ) : (
          <Tag color="green">{t('home.fund.running')}</Tag>
        )
      }
    >
      <Row gutter={GUTTER}>
        <Col xs={24} md={8}>
          <Statistic
            title={t('home.fund.principal')}
            value={props.principal ? formatYuan(props.principal) : '—'}
          />
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title={t('home.fund.interest')}
            value={props.interest ? formatYuan(props.interest) : '—'}
          />
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title={t('home.fund.cumulative')}
            value={props.cumulative ? formatYuan(props.cumulative) : '—'}
          />
          <Progress
            percent={percent}
            status={props.suspended ? 'exception' : percent >= 80 ? 'active' : 'normal'}
            strokeColor={percent >= 80 ? '#fa541c' : undefined}
            format={(p) => `${p}%`}
          />
          <Typography.Text type="secondary">
            {t('home.fund.breaker', {
              amount: formatYuan(props.breaker),
              article: articleLabel(props.article),
            })}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

function ClaimFigures({ dashboard, guarantor }: { dashboard: Dashboard; guarantor: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = dashboard.claimsByStatus;
  const items = guarantor
    ? [
        { label: t('home.claimFigures.toConfirm'), value: countOf(c, 'SUBMITTED') },
        {
          label: t('home.claimFigures.inReview'),
          value: countOf(c, 'GUARANTOR_CONFIRMED', 'VERIFIED', 'APPROVED'),
        },
        { label: t('home.claimFigures.paid'), value: countOf(c, 'PAID') },
      ]
    : [
        { label: t('home.claimFigures.toVerify'), value: countOf(c, 'SUBMITTED', 'GUARANTOR_CONFIRMED') },
        { label: t('home.claimFigures.coSigning'), value: countOf(c, 'VERIFIED') },
        { label: t('home.claimFigures.toPay'), value: countOf(c, 'APPROVED') },
        { label: t('home.claimFigures.returned'), value: countOf(c, 'RETURNED') },
        { label: t('home.claimFigures.paid'), value: countOf(c, 'PAID') },
      ];
  return (
    <Row gutter={[8, 8]}>
      {items.map((i) => (
        <Col key={i.label} xs={8} md={Math.floor(24 / items.length)}>
          {/* A measure word (件) is Chinese: English shows the bare count in these narrow columns. */}
          <Statistic
            title={i.label}
            value={i.value}
            suffix={lang === 'en' ? undefined : t('home.claimFigures.unit')}
          />
        </Col>
      ))}
    </Row>
  );
}

function BankRatios() {
  const { t } = useTranslation();
  const policy = usePolicy();
  const { data } = useQuery(BANK_RISKS_QUERY, { fetchPolicy: 'cache-and-network' });
  const risks = data?.bankRisks ?? [];
  return (
    <Card
      title={t('home.bankRatios.title')}
      size="small"
      extra={<a onClick={() => navigate('/risk')}>{t('home.bankRatios.link')}</a>}
    >
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
                {r.suspended && <Tag color="red">{t('home.bankRatios.suspended')}</Tag>}
              </Space>
            </Space>
          </div>
        )}
      />
    </Card>
  );
}

function RemittancesDue() {
  const { t } = useTranslation();
  const { data } = useQuery(OPEN_REMITTANCES_QUERY, { fetchPolicy: 'cache-and-network' });
  const open = data?.openRemittances ?? [];
  const overdue = open.filter((r) => r.overdue);
  if (!data) return null;
  return (
    <Card
      title={t('home.remittances.title')}
      size="small"
      extra={<a onClick={() => navigate('/remittances')}>{t('home.remittances.link')}</a>}
    >
      {open.length === 0 ? (
        <Typography.Text type="secondary">{t('home.remittances.none')}</Typography.Text>
      ) : (
        <Space wrap size="large">
          <Statistic
            title={t('home.remittances.open')}
            value={open.length}
            suffix={t('home.remittances.unit')}
          />
          <Statistic
            title={t('home.remittances.overdue')}
            value={overdue.length}
            suffix={t('home.remittances.unit')}
            styles={{ content: { color: overdue.length ? '#d4380d' : undefined } }}
          />
          <Statistic
            title={t('home.remittances.nextDue')}
            value={[...open].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]?.dueOn ?? '—'}
          />
        </Space>
      )}
    </Card>
  );
}

const recentLoanColumns = (t: TFunction): TableColumnsType<RecentLoan> => [
  { title: t('home.recentLoans.contractNo'), dataIndex: 'contractNo' },
  { title: t('home.recentLoans.enterprise'), dataIndex: ['enterprise', 'name'], responsive: ['md'] },
  { title: t('home.recentLoans.bank'), dataIndex: ['bank', 'name'], responsive: ['lg'] },
  {
    title: t('home.recentLoans.outstanding'),
    dataIndex: 'outstandingPrincipal',
    align: 'right',
    render: money,
  },
  { title: t('home.recentLoans.issuedOn'), dataIndex: 'issuedOn', responsive: ['md'] },
  { title: t('home.recentLoans.overdueDays'), dataIndex: 'overdueDays', align: 'right' },
  {
    title: t('home.recentLoans.status'),
    dataIndex: 'status',
    render: (s: string) => <Tag color={loanStatusColor(s)}>{loanStatusLabel(s)}</Tag>,
  },
];

function RecentLoans() {
  const { t } = useTranslation();
  const { data } = useQuery(RECENT_LOANS_QUERY, {
    variables: { first: 5 },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Card
      title={t('home.recentLoans.title', { n: data?.loans.totalCount ?? 0 })}
      size="small"
      extra={<a onClick={() => navigate('/loans')}>{t('home.recentLoans.link')}</a>}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={recentLoanColumns(t)}
        dataSource={data?.loans.edges.map((e) => e.node) ?? []}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

const recentClaimColumns = (t: TFunction): TableColumnsType<RecentClaim> => [
  { title: t('home.recentClaims.contractNo'), dataIndex: ['loan', 'contractNo'] },
  { title: t('home.recentClaims.enterprise'), dataIndex: ['loan', 'enterpriseName'], responsive: ['md'] },
  { title: t('home.recentClaims.filedOn'), dataIndex: 'filedOn' },
  {
    title: t('home.recentClaims.fundShare'),
    dataIndex: 'fundShare',
    align: 'right',
    render: money,
    responsive: ['sm'],
  },
  {
    title: t('home.recentClaims.status'),
    dataIndex: 'status',
    render: (s: string) => <ClaimStatusTag status={s} />,
  },
];

function RecentClaims() {
  const { t } = useTranslation();
  const { data } = useQuery(RECENT_CLAIMS_QUERY, {
    variables: { first: 5 },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Card
      title={t('home.recentClaims.title', { n: data?.claims.totalCount ?? 0 })}
      size="small"
      extra={<a onClick={() => navigate('/claims')}>{t('home.recentClaims.link')}</a>}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={recentClaimColumns(t)}
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
