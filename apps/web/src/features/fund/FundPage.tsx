import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatArticle } from '@ipfund/shared';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { useLang } from '../../i18n';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { formatYuan } from '../../lib/money';
import {
  ANNUAL_WORK_PLANS_QUERY,
  APPROVE_PLAN_MUTATION,
  CAPITAL_CONTRIBUTIONS_QUERY,
  CONSENT_TERMINATION_MUTATION,
  DECLINE_TERMINATION_MUTATION,
  FUND_OVERVIEW_QUERY,
  FUND_TERMINATION_QUERY,
  PROPOSE_TERMINATION_MUTATION,
  RETURN_BALANCE_MUTATION,
  RETURN_PLAN_MUTATION,
  type AnnualWorkPlan,
  type CapitalContribution,
  type FundOverview,
  type FundTermination,
} from './fund.graphql';
import {
  CommentModal,
  ContributionModal,
  FUND_QUERIES_TO_REFETCH,
  PlanModal,
  ProposeTerminationModal,
  useSubmissionKey,
} from './FundForms';
import {
  currentPlan,
  mayProposeTermination,
  openPlanYears,
  planDecisionsByOffice,
  terminationAnswersByOffice,
  type OfficeAnswer,
  type TerminationAnswer,
} from './fundDisplay';

const refetch = { refetchQueries: FUND_QUERIES_TO_REFETCH, awaitRefetchQueries: true };

const money = (value: string | null) =>
  value === null ? '—' : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(value)}</span>;

/** "（第三条）" / " (Art 3)" for a provision the policy in force has; nothing otherwise. */
function useCite(policy: Policy | undefined): (...keys: string[]) => string {
  const lang = useLang();
  return (...keys) => {
    const articles = keys.flatMap((key) => provisionArticle(policy, key) ?? []);
    if (!articles.length) return '';
    const text = articles.map((a) => formatArticle(a, lang)).join(lang === 'en' ? ', ' : '、');
    return lang === 'en' ? ` (${text})` : `（${text}）`;
  };
}

/**
 * 资金管理: the fund's figures, the finance bureau's capital contributions (Art 3, 5), the manager's
 * annual work plan approved by the offices (Art 6.5) and the offices' joint termination (Art 24).
 * Every button follows the API: `viewerCan` on a plan or a termination, `viewerPermissions` for
 * what starts a new record (登记注资, 报送工作计划, 提议终止).
 */
export function FundPage() {
  const policy = usePolicy();
  const viewer = useViewerPermissions();
  const overview = useQuery(FUND_OVERVIEW_QUERY, { fetchPolicy: 'cache-and-network' });
  const businessDate = overview.data?.portalInfo.businessDate;
  const offices = policy?.coSigningOffices.value ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="fund-page">
      <OverviewCard status={overview.data?.fundStatus} error={overview.error} policy={policy} />
      <ContributionsCard
        businessDate={businessDate}
        mayRecord={viewer.mayTake('fund.recordContribution')}
        policy={policy}
      />
      <PlanCard
        businessDate={businessDate}
        maySubmit={viewer.mayTake('fund.submitAnnualPlan')}
        offices={offices}
        policy={policy}
      />
      <TerminationCard
        businessDate={businessDate}
        mayPropose={viewer.mayTake('fund.proposeTermination')}
        offices={offices}
        policy={policy}
      />
    </Space>
  );
}

function Figure({ title, value, note }: { title: string; value: ReactNode; note: string }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value=" " formatter={() => value} />
        <Typography.Text type="secondary">{note}</Typography.Text>
      </Card>
    </Col>
  );
}

function OverviewCard({
  status,
  error,
  policy,
}: {
  status: FundOverview | undefined;
  error: unknown;
  policy: Policy | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const cite = useCite(policy);
  const breaker = policy?.circuitBreakerCumulative;
  const breakerCite = breaker
    ? lang === 'en'
      ? ` (${formatYuan(breaker.value)}, ${formatArticle(breaker.article, lang)})`
      : `（${formatYuan(breaker.value)}，${formatArticle(breaker.article, lang)}）`
    : '';
  return (
    <Card title={t('fund.overview.title')}>
      {error !== undefined && <ErrorAlert title={t('fund.overview.loadFailed')} error={error} />}
      {status?.terminationStatus && status.terminationEffectiveOn && (
        <Alert
          type={status.terminationStatus === 'SETTLED' ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t(
            status.terminationStatus === 'SETTLED' ? 'fund.overview.settled' : 'fund.overview.terminated',
            { date: status.terminationEffectiveOn },
          )}${cite('termination')}`}
        />
      )}
      {status && (
        <Row gutter={[16, 16]} data-testid="fund-overview">
          <Figure
            title={t('fund.overview.principal')}
            value={money(status.principalBalance)}
            note={`${t('fund.overview.principalNote')}${cite('fundUse', 'termination')}`}
          />
          <Figure
            title={t('fund.overview.contributions')}
            value={money(status.totalContributions)}
            note={`${t('fund.overview.contributionsNote')}${cite('capitalContribution')}`}
          />
          <Figure
            title={t('fund.overview.committed')}
            value={money(status.committedCompensation)}
            note={`${t('fund.overview.committedNote')}${cite('fundUse')}`}
          />
          <Figure
            title={t('fund.overview.available')}
            value={money(status.availableForCompensation)}
            note={`${t('fund.overview.availableNote')}${cite('fundUse')}`}
          />
          <Figure
            title={t('fund.overview.cumulative')}
            value={money(status.cumulativeCompensation)}
            note={t('fund.overview.cumulativeNote')}
          />
          <Figure
            title={t('fund.overview.sinceResumption')}
            value={money(status.cumulativeSinceResumption)}
            note={`${t('fund.overview.sinceResumptionNote', {
              base: status.cumulativeAtLastResumption ? formatYuan(status.cumulativeAtLastResumption) : '—',
            })}${breakerCite}`}
          />
          <Figure
            title={t('fund.overview.business')}
            value={
              status.suspended ? (
                <Tag color="red" style={{ fontSize: 16, padding: '4px 8px' }}>
                  {t('fund.overview.suspended')}
                </Tag>
              ) : (
                <Tag color="green" style={{ fontSize: 16, padding: '4px 8px' }}>
                  {t('fund.overview.running')}
                </Tag>
              )
            }
            note={
              status.suspended && status.suspendedSince
                ? t('fund.overview.suspendedSince', { date: status.suspendedSince })
                : `${t('fund.overview.breakerNote')}${breakerCite}`
            }
          />
        </Row>
      )}
    </Card>
  );
}

function ContributionsCard({
  businessDate,
  mayRecord,
  policy,
}: {
  businessDate: string | undefined;
  mayRecord: boolean;
  policy: Policy | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const cite = useCite(policy);
  const [open, setOpen] = useState(false);
  const list = useQuery(CAPITAL_CONTRIBUTIONS_QUERY, { fetchPolicy: 'cache-and-network' });
  const article = provisionArticle(policy, 'capitalContribution');
  const columns: TableColumnsType<CapitalContribution> = [
    { title: t('fund.contributions.contributedOn'), dataIndex: 'contributedOn', width: 120 },
    {
      title: t('fund.contributions.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 170,
      render: (v: string) => money(v),
    },
    { title: t('fund.contributions.documentRef'), dataIndex: 'documentRef' },
    { title: t('fund.contributions.memo'), dataIndex: 'memo', render: (v: string | null) => v ?? '—' },
    {
      title: t('fund.contributions.recordedBy'),
      key: 'by',
      render: (_, c) => [c.organizationName, c.recordedByName].filter(Boolean).join(' · '),
    },
  ];
  return (
    <Card
      title={`${t('fund.contributions.title')}${cite('capitalContribution')}`}
      extra={
        mayRecord && (
          <Button type="primary" disabled={!businessDate} onClick={() => setOpen(true)}>
            {t('fund.contributions.record')}
          </Button>
        )
      }
    >
      {list.error && <ErrorAlert title={t('fund.contributions.loadFailed')} error={list.error} />}
      <Table<CapitalContribution>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.capitalContributions ?? []}
        loading={list.loading && !list.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('fund.contributions.empty') }}
        data-testid="contributions-table"
      />
      {businessDate && (
        <ContributionModal
          open={open}
          businessDate={businessDate}
          article={article ? formatArticle(article, lang) : null}
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}

const PLAN_STATUS_COLOR: Record<string, string> = {
  SUBMITTED: 'processing',
  RETURNED: 'warning',
  APPROVED: 'success',
};
const ANSWER_COLOR: Record<OfficeAnswer | TerminationAnswer, string> = {
  APPROVE: 'success',
  CONSENT: 'success',
  PROPOSED: 'processing',
  RETURN: 'warning',
  DECLINE: 'error',
  PENDING: 'default',
};

type PlanDialog = { kind: 'submit' } | { kind: 'revise' | 'approve' | 'return'; plan: AnnualWorkPlan };

function PlanCard({
  businessDate,
  maySubmit,
  offices,
  policy,
}: {
  businessDate: string | undefined;
  maySubmit: boolean;
  offices: readonly string[];
  policy: Policy | undefined;
}) {
  const { t } = useTranslation();
  const cite = useCite(policy);
  const list = useQuery(ANNUAL_WORK_PLANS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [dialog, setDialog] = useState<PlanDialog | null>(null);
  const [approve] = useMutation(APPROVE_PLAN_MUTATION, refetch);
  const [returnPlan] = useMutation(RETURN_PLAN_MUTATION, refetch);
  const plans = list.data?.annualWorkPlans ?? [];
  const year = businessDate ? Number(businessDate.slice(0, 4)) : undefined;
  const plan = year === undefined ? plans[0] : currentPlan(plans, year);
  const newYears = year === undefined ? [] : openPlanYears(plans, year);
  const others = plans.filter((p) => p !== plan);

  return (
    <Card
      title={`${t('fund.plan.title')}${cite('annualWorkPlan')}`}
      extra={
        <Space wrap>
          {can(plan, 'fund.submitAnnualPlan') && plan && (
            <Button type="primary" onClick={() => setDialog({ kind: 'revise', plan })}>
              {t('fund.plan.revise')}
            </Button>
          )}
          {maySubmit && newYears.length > 0 && (
            <Button onClick={() => setDialog({ kind: 'submit' })}>{t('fund.plan.submit')}</Button>
          )}
          {can(plan, 'fund.approveAnnualPlan') && plan && (
            <Button type="primary" onClick={() => setDialog({ kind: 'approve', plan })}>
              {t('fund.plan.approve')}
            </Button>
          )}
          {can(plan, 'fund.returnAnnualPlan') && plan && (
            <Button danger onClick={() => setDialog({ kind: 'return', plan })}>
              {t('fund.plan.return')}
            </Button>
          )}
        </Space>
      }
    >
      {list.error && <ErrorAlert title={t('fund.plan.loadFailed')} error={list.error} />}
      {!plan && !list.loading && <Empty description={t('fund.plan.none')} />}
      {plan && <PlanDetails plan={plan} offices={offices} />}
      {others.length > 0 && (
        <Table<AnnualWorkPlan>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={others}
          columns={[
            { title: t('fund.plan.year'), dataIndex: 'year', width: 90 },
            { title: t('fund.plan.planTitle'), dataIndex: 'title' },
            {
              title: '',
              dataIndex: 'status',
              width: 150,
              render: (s: string) => <Tag color={PLAN_STATUS_COLOR[s]}>{t(`fund.plan.status.${s}`)}</Tag>,
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('fund.plan.allOffices')}
      </Typography.Paragraph>

      <PlanModal
        open={dialog?.kind === 'submit' || dialog?.kind === 'revise'}
        plan={dialog?.kind === 'revise' ? dialog.plan : undefined}
        years={newYears}
        onClose={() => setDialog(null)}
      />
      <CommentModal
        open={dialog?.kind === 'approve'}
        title={t('fund.plan.approveTitle', { year: dialog && 'plan' in dialog ? dialog.plan.year : '' })}
        label={t('fund.plan.approveComment')}
        required={false}
        okText={t('fund.plan.approve')}
        done={t('fund.plan.approved')}
        run={(comment) =>
          dialog && 'plan' in dialog
            ? approve({ variables: { planId: dialog.plan.id, comment } })
            : Promise.resolve()
        }
        onClose={() => setDialog(null)}
      />
      <CommentModal
        open={dialog?.kind === 'return'}
        title={t('fund.plan.returnTitle', { year: dialog && 'plan' in dialog ? dialog.plan.year : '' })}
        label={t('fund.common.reasonLabel')}
        required
        okText={t('fund.plan.return')}
        done={t('fund.plan.returned')}
        run={(reason) =>
          dialog && 'plan' in dialog
            ? returnPlan({ variables: { planId: dialog.plan.id, reason: reason ?? '' } })
            : Promise.resolve()
        }
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}

function PlanDetails({ plan, offices }: { plan: AnnualWorkPlan; offices: readonly string[] }) {
  const { t } = useTranslation();
  const decisions = planDecisionsByOffice(plan, offices);
  const earlier = plan.decisions.filter((d) => d.revision < plan.revision);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="annual-plan">
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {plan.title}
        </Typography.Title>
        <Tag color={PLAN_STATUS_COLOR[plan.status]}>{t(`fund.plan.status.${plan.status}`)}</Tag>
        <Typography.Text type="secondary">
          {t('fund.plan.revision', { revision: plan.revision })}
        </Typography.Text>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('fund.plan.year')}>
          {t('fund.plan.yearValue', { year: plan.year })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.plan.submittedOn')}>{plan.submittedOn}</Descriptions.Item>
        <Descriptions.Item label={t('fund.plan.approvedOn')}>{plan.approvedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fund.plan.plannedLoanVolume')}>
          {money(plan.plannedLoanVolume)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.plan.plannedCompensation')}>
          {money(plan.plannedCompensation)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.plan.plannedEnterprises')}>
          {plan.plannedEnterprises === null
            ? '—'
            : t('fund.plan.plannedEnterprisesValue', { count: plan.plannedEnterprises })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.plan.summary')} span={{ xs: 1, sm: 2, lg: 3 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {plan.summary}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('fund.plan.approvals')}</Typography.Text>
      <OfficeAnswers
        rows={decisions.map((d) => ({ ...d, label: t(`fund.plan.answer.${d.answer}`) }))}
        testId="plan-approvals"
      />
      {earlier.length > 0 && (
        <>
          <Typography.Text strong>{t('fund.plan.history')}</Typography.Text>
          <OfficeAnswers
            rows={earlier.map((d) => {
              const answer: OfficeAnswer = d.decision === 'RETURN' ? 'RETURN' : 'APPROVE';
              return {
                ...d,
                answer,
                label: `${t('fund.plan.revision', { revision: d.revision })} · ${t(`fund.plan.answer.${answer}`)}`,
              };
            })}
          />
        </>
      )}
    </Space>
  );
}

/** Each office and its answer, one line each, with who answered, when and why. */
function OfficeAnswers({
  rows,
  testId,
}: {
  rows: {
    orgKind: string;
    answer: OfficeAnswer | TerminationAnswer;
    label: string;
    comment: string | null;
    businessDate: string | null;
    userName: string | null;
  }[];
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid={testId}>
      {rows.map((r, i) => (
        <Space key={`${r.orgKind}-${i}`} wrap size="small">
          <Typography.Text style={{ minWidth: 120, display: 'inline-block' }}>
            {t(`orgKind.${r.orgKind}`, { defaultValue: r.orgKind })}
          </Typography.Text>
          <Tag color={ANSWER_COLOR[r.answer]}>{r.label}</Tag>
          {r.businessDate && <Typography.Text type="secondary">{r.businessDate}</Typography.Text>}
          {r.userName && <Typography.Text type="secondary">{r.userName}</Typography.Text>}
          {r.comment && <Typography.Text>「{r.comment}」</Typography.Text>}
        </Space>
      ))}
    </Space>
  );
}

const TERMINATION_STATUS_COLOR: Record<string, string> = {
  PROPOSED: 'processing',
  DECLINED: 'default',
  TERMINATED: 'error',
  SETTLED: 'default',
};

type TerminationDialog = 'propose' | 'consent' | 'decline';

function TerminationCard({
  businessDate,
  mayPropose,
  offices,
  policy,
}: {
  businessDate: string | undefined;
  mayPropose: boolean;
  offices: readonly string[];
  policy: Policy | undefined;
}) {
  const { t } = useTranslation();
  const cite = useCite(policy);
  const { message } = App.useApp();
  const query = useQuery(FUND_TERMINATION_QUERY, { fetchPolicy: 'cache-and-network' });
  const termination = query.data?.fundTermination;
  const [dialog, setDialog] = useState<TerminationDialog | null>(null);
  const [propose] = useMutation(PROPOSE_TERMINATION_MUTATION, refetch);
  const [consent] = useMutation(CONSENT_TERMINATION_MUTATION, refetch);
  const [decline] = useMutation(DECLINE_TERMINATION_MUTATION, refetch);
  const [returnBalance, returning] = useMutation(RETURN_BALANCE_MUTATION, refetch);
  // One key for as long as the page shows this termination: a second click or a retry returns once.
  const balanceKey = useSubmissionKey(termination?.status === 'TERMINATED');

  async function settle() {
    try {
      await returnBalance({ variables: { idempotencyKey: balanceKey } });
      message.success(t('fund.termination.returned'));
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Card
      title={`${t('fund.termination.title')}${cite('termination')}`}
      extra={
        <Space wrap>
          {mayProposeTermination(termination, mayPropose) && (
            <Button danger disabled={!businessDate} onClick={() => setDialog('propose')}>
              {t('fund.termination.propose')}
            </Button>
          )}
          {can(termination, 'fund.consentToTermination') && (
            <Button type="primary" onClick={() => setDialog('consent')}>
              {t('fund.termination.consent')}
            </Button>
          )}
          {can(termination, 'fund.declineTermination') && (
            <Button onClick={() => setDialog('decline')}>{t('fund.termination.decline')}</Button>
          )}
          {can(termination, 'fund.returnBalance') && termination?.status === 'TERMINATED' && (
            <Popconfirm
              title={t('fund.termination.returnTitle')}
              description={<div style={{ maxWidth: 360 }}>{t('fund.termination.returnConfirm')}</div>}
              okText={t('fund.common.confirm')}
              cancelText={t('fund.common.cancel')}
              onConfirm={() => settle()}
            >
              <Button type="primary" danger loading={returning.loading}>
                {t('fund.termination.returnBalance')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {query.error && <ErrorAlert title={t('fund.termination.loadFailed')} error={query.error} />}
      {!termination && !query.loading && !query.error && <Empty description={t('fund.termination.none')} />}
      {termination && <TerminationDetails termination={termination} offices={offices} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('fund.termination.jointly')}
      </Typography.Paragraph>

      {businessDate && (
        <ProposeTerminationModal
          open={dialog === 'propose'}
          businessDate={businessDate}
          run={(input) => propose({ variables: { input } })}
          onClose={() => setDialog(null)}
        />
      )}
      <CommentModal
        open={dialog === 'consent'}
        title={t('fund.termination.consentTitle')}
        label={t('fund.termination.consentComment')}
        required={false}
        okText={t('fund.termination.consent')}
        done={t('fund.termination.consented')}
        run={(comment) => consent({ variables: { comment } })}
        onClose={() => setDialog(null)}
      />
      <CommentModal
        open={dialog === 'decline'}
        title={t('fund.termination.declineTitle')}
        label={t('fund.common.reasonLabel')}
        required
        okText={t('fund.termination.decline')}
        done={t('fund.termination.declined')}
        run={(reason) => decline({ variables: { reason: reason ?? '' } })}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}

function TerminationDetails({
  termination,
  offices,
}: {
  termination: FundTermination;
  offices: readonly string[];
}) {
  const { t } = useTranslation();
  const answers = terminationAnswersByOffice(termination, offices);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="fund-termination">
      <Space wrap>
        <Tag color={TERMINATION_STATUS_COLOR[termination.status]}>
          {t(`fund.termination.status.${termination.status}`)}
        </Tag>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('fund.termination.proposedBy')}>
          {t(`orgKind.${termination.proposedOrgKind}`, { defaultValue: termination.proposedOrgKind })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.termination.proposedOn')}>
          {termination.proposedOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.termination.effectiveOn')}>
          {termination.effectiveOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.termination.decidedOn')}>
          {termination.decidedOn ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.termination.settledOn')}>
          {termination.settledOn ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.termination.reason')} span={{ xs: 1, sm: 2, lg: 3 }}>
          {termination.reason}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('fund.termination.answers')}</Typography.Text>
      <OfficeAnswers
        rows={answers.map((a) => ({ ...a, label: t(`fund.termination.answer.${a.answer}`) }))}
        testId="termination-answers"
      />
    </Space>
  );
}
