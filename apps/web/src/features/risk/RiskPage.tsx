import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Operation } from '@ipfund/shared';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { formatYuan } from '../../lib/money';
import { PlainList, PlainListItem } from '../../lib/PlainList';
import { formatRate } from '../claims/policyText';
import { articleLabel } from '../loans/loanDisplay';
import { useCaller } from '../loans/useCaller';
import { BusinessDateControl } from './BusinessDateControl';
import { CommentModal } from './CommentModal';
import {
  BANK_RISKS_QUERY,
  DECIDE_SUSPENSION_MUTATION,
  ISSUE_WARNING_MUTATION,
  LIFT_SUSPENSION_MUTATION,
  PROPOSE_SUSPENSION_MUTATION,
  RISK_NOTICES_QUERY,
  SUSPENSION_PROPOSALS_QUERY,
  type BankRisk,
  type RiskNotice,
  type SuspensionProposal,
} from './risk.graphql';
import {
  label,
  LEVEL_COLORS,
  levelLabel,
  NOTICE_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  ratioPercent,
  SUGGESTION_LABELS,
} from './riskDisplay';

// echarts is large: loaded with the chart only (vite.config.ts keeps it out of the shared chunks).
const RiskChart = lazy(() => import('./RiskChart'));

type Action =
  | { kind: 'warn' | 'propose' | 'lift'; risk: BankRisk }
  | { kind: 'consent' | 'decline'; risk: BankRisk; proposalId: string }
  | null;

/** The operations of this page: the actions column shows when the caller may take any of them. */
const RISK_OPERATIONS: readonly Operation[] = [
  'risk.issueWarning',
  'risk.proposeSuspension',
  'risk.decideSuspension',
  'risk.liftSuspension',
];

/** A suggestion is shown to whoever may follow it. */
const SUGGESTED_OPERATION: Record<string, Operation> = {
  ISSUE_WARNING: 'risk.issueWarning',
  PROPOSE_SUSPENSION: 'risk.proposeSuspension',
};

/** "（第12条）", or nothing before the policy has arrived. */
const cite = (article: string | undefined) => (article ? `（${articleLabel(article)}）` : '');

/**
 * 风险监测 (Art 12): every bank's risk ratio — Σ IP-pledged principal of covered loans at least the
 * policy's risk days overdue or in claim ÷ Σ of all its covered loans — at the business date. A bank
 * sees its own row and the notices addressed to it. Every button follows the row's (or the pending
 * proposal's) `viewerCan`: warn, propose suspension, consent or decline, lift.
 */
export function RiskPage() {
  const { orgId } = useCaller();
  const { mayTake, reads } = useViewerPermissions();
  const policy = usePolicy();
  const risks = useQuery(BANK_RISKS_QUERY, { fetchPolicy: 'cache-and-network' });
  const notices = useQuery(RISK_NOTICES_QUERY, { fetchPolicy: 'cache-and-network' });
  const proposals = useQuery(SUSPENSION_PROPOSALS_QUERY, {
    skip: !reads('SuspensionProposal'),
    fetchPolicy: 'cache-and-network',
  });
  const [action, setAction] = useState<Action>(null);
  const [warn] = useMutation(ISSUE_WARNING_MUTATION, { refetchQueries: 'active' });
  const [propose] = useMutation(PROPOSE_SUSPENSION_MUTATION, { refetchQueries: 'active' });
  const [decide] = useMutation(DECIDE_SUSPENSION_MUTATION, { refetchQueries: 'active' });
  const [lift] = useMutation(LIFT_SUSPENSION_MUTATION, { refetchQueries: 'active' });

  const rows = risks.data?.bankRisks ?? [];
  const proposalList = proposals.data?.suspensionProposals ?? [];
  const proposalById = new Map<string, SuspensionProposal>(proposalList.map((p) => [p.id, p]));
  // The caller's own row, when the caller is one of the banks supervised: its own status, no ranking.
  const own = rows.find((r) => r.bank.id === orgId);

  const columns: TableColumnsType<BankRisk> = [
    { title: '排名', key: 'rank', width: 64, render: (_: unknown, __: BankRisk, i: number) => i + 1 },
    { title: '银行', dataIndex: ['bank', 'name'] },
    {
      title: '风险比例',
      dataIndex: 'ratio',
      align: 'right',
      render: (r: string) => (
        <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{ratioPercent(r)}</strong>
      ),
    },
    {
      title: '等级',
      dataIndex: 'level',
      render: (level: string, r) => (
        <Space size={4} wrap>
          <Tag color={LEVEL_COLORS[level] ?? 'default'}>{levelLabel(level, policy)}</Tag>
          {r.suspended && <Tag color="red">自 {r.suspendedSince} 起中止</Tag>}
          {r.pendingProposalId && <Tag color="purple">中止待知识产权局审批</Tag>}
        </Space>
      ),
    },
    {
      title: `${policy ? `逾期${policy.riskOverdueDays.value}天以上` : '逾期'} / 全部（知识产权质押部分）`,
      key: 'figures',
      align: 'right',
      render: (_: unknown, r) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatYuan(r.numerator)} / {formatYuan(r.denominator)}
          <Typography.Text type="secondary">
            {' '}
            （{r.atRiskLoans}/{r.coveredLoans} 笔）
          </Typography.Text>
        </span>
      ),
    },
    { title: '最近预警', dataIndex: 'lastWarningOn', render: (d: string | null) => d ?? '—' },
  ];
  if (RISK_OPERATIONS.some(mayTake)) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_: unknown, r) => {
        const pending = r.pendingProposalId ? proposalById.get(r.pendingProposalId) : undefined;
        const suggested = r.suggestedAction ? SUGGESTED_OPERATION[r.suggestedAction] : undefined;
        return (
          <Space size={0} wrap>
            {suggested && can(r, suggested) && SUGGESTION_LABELS[r.suggestedAction!] && (
              <Tag color="gold">{SUGGESTION_LABELS[r.suggestedAction!]}</Tag>
            )}
            {can(r, 'risk.issueWarning') && (
              <Button type="link" size="small" onClick={() => setAction({ kind: 'warn', risk: r })}>
                发出预警
              </Button>
            )}
            {can(r, 'risk.proposeSuspension') && (
              <Button type="link" size="small" danger onClick={() => setAction({ kind: 'propose', risk: r })}>
                提请中止
              </Button>
            )}
            {pending && can(pending, 'risk.decideSuspension') && (
              <>
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => setAction({ kind: 'consent', risk: r, proposalId: pending.id })}
                >
                  同意中止
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setAction({ kind: 'decline', risk: r, proposalId: pending.id })}
                >
                  不同意
                </Button>
              </>
            )}
            {can(r, 'risk.liftSuspension') && (
              <Button type="link" size="small" onClick={() => setAction({ kind: 'lift', risk: r })}>
                解除中止
              </Button>
            )}
          </Space>
        );
      },
    });
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`风险监测${cite(provisionArticle(policy, 'bankSupervision'))}`}
        extra={<BusinessDateControl />}
      >
        {risks.error && <Alert type="error" showIcon title="加载失败" description={risks.error.message} />}
        {own && <OwnStatus risk={own} policy={policy} />}
        {!own && rows.length > 0 && policy && (
          <Suspense fallback={<Spin />}>
            <RiskChart risks={rows} policy={policy} />
          </Suspense>
        )}
        {policy && (
          <Typography.Paragraph type="secondary">
            风险比例 = 已纳入补偿的贷款中逾期 {policy.riskOverdueDays.value}{' '}
            天以上（含）或已申请补偿的知识产权质押贷款金额 ÷ 该行实际发放的知识产权质押贷款总额。 达到{' '}
            {formatRate(policy.warningRatio.value)} 由资金管理人发出预警；达到{' '}
            {formatRate(policy.suspensionRatio.value)}{' '}
            经区知识产权局同意后中止其发放知识产权质押贷款，中止前已发放的贷款继续予以补偿
            {cite(policy.suspensionRatio.article)}。
          </Typography.Paragraph>
        )}
        <Table<BankRisk>
          rowKey={(r) => r.bank.id}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={risks.loading && !risks.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      {proposalList.length > 0 && (
        <Card title="中止发放贷款的提请">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={proposalList}
            columns={[
              { title: '银行', dataIndex: ['bank', 'name'], width: 200 },
              { title: '提请日', dataIndex: 'proposedOn', width: 120 },
              { title: '比例', dataIndex: 'ratio', width: 90, render: (r: string) => ratioPercent(r) },
              { title: '提请意见', dataIndex: 'comment' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: string) => (
                  <Tag color={s === 'PENDING' ? 'purple' : s === 'CONSENTED' ? 'red' : 'default'}>
                    {label(PROPOSAL_STATUS_LABELS, s)}
                  </Tag>
                ),
              },
              {
                title: '审批',
                key: 'decision',
                width: 260,
                render: (_: unknown, p) =>
                  p.decidedOn ? `${p.decidedOn} ${p.decidedBy ?? ''}：${p.decisionComment ?? ''}` : '—',
              },
            ]}
          />
        </Card>
      )}
      <Card title={own ? '本行收到的通知' : '风险通知'}>
        <NoticeList notices={notices.data?.riskNotices ?? []} showBank={!own} />
      </Card>
      {action && (
        <ActionDialog
          action={action}
          policy={policy}
          onClose={() => setAction(null)}
          run={(comment) => {
            switch (action.kind) {
              case 'warn':
                return warn({ variables: { bankId: action.risk.bank.id, comment } });
              case 'propose':
                return propose({ variables: { bankId: action.risk.bank.id, comment } });
              case 'consent':
              case 'decline':
                return decide({
                  variables: { proposalId: action.proposalId, consent: action.kind === 'consent', comment },
                });
              case 'lift':
                return lift({ variables: { bankId: action.risk.bank.id, comment } });
            }
          }}
        />
      )}
    </Space>
  );
}

function OwnStatus({ risk, policy }: { risk: BankRisk; policy: Policy | undefined }) {
  const type = risk.suspended ? 'error' : risk.level === 'NONE' ? 'success' : 'warning';
  const text = risk.suspended
    ? `本行自 ${risk.suspendedSince} 起被中止发放知识产权质押贷款${cite(provisionArticle(policy, 'bankSuspension'))}，此后发放的贷款不予补偿。`
    : risk.level === 'NONE'
      ? '本行风险比例低于预警线。'
      : `本行风险比例已达到预警线，请审慎新增贷款并加强贷后管理${cite(policy?.warningRatio.article)}。`;
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      title={`本行风险比例 ${ratioPercent(risk.ratio)}（业务日期 ${risk.asOf}）`}
      description={text}
    />
  );
}

function NoticeList({ notices, showBank }: { notices: RiskNotice[]; showBank: boolean }) {
  if (!notices.length) return <Empty description="暂无通知" />;
  return (
    <PlainList
      items={notices}
      rowKey={(n) => n.id}
      renderItem={(n) => (
        <PlainListItem
          title={
            <Space wrap>
              <Tag color={n.kind === 'WARNING' ? 'orange' : n.kind === 'SUSPENSION' ? 'red' : 'green'}>
                {label(NOTICE_KIND_LABELS, n.kind)}
              </Tag>
              {showBank && <span>{n.bank.name}</span>}
              <Typography.Text type="secondary">
                {n.businessDate} · {n.issuerOrganization.name} {n.issuedBy} · {articleLabel(n.article)}
                {n.ratio ? ` · 风险比例 ${ratioPercent(n.ratio)}` : ''}
              </Typography.Text>
            </Space>
          }
          description={n.comment}
        />
      )}
    />
  );
}

const DIALOGS = {
  warn: { title: '发出风险预警', okText: '发出预警', danger: false },
  propose: { title: '提请中止发放贷款', okText: '提请区知识产权局同意', danger: true },
  consent: { title: '同意中止发放贷款', okText: '同意中止', danger: true },
  decline: { title: '不同意中止', okText: '不同意', danger: false },
  lift: { title: '解除中止', okText: '解除中止', danger: false },
} as const;

/** The suggested wording of a notice, with the policy's figures and articles; empty before it arrives. */
function defaultComment(kind: NonNullable<Action>['kind'], policy: Policy | undefined): string | undefined {
  if (kind === 'consent') return '同意中止该行发放知识产权质押融资贷款。';
  if (!policy) return undefined;
  const days = policy.riskOverdueDays.value;
  if (kind === 'warn') {
    return `贵行逾期${days}天以上的知识产权质押贷款已达实际发放总额的${formatRate(policy.warningRatio.value)}以上，请审慎新增贷款并加强贷后管理${cite(policy.warningRatio.article)}。`;
  }
  if (kind === 'propose') {
    return `该行逾期${days}天以上贷款占比已达到${formatRate(policy.suspensionRatio.value)}，拟要求其中止发放知识产权质押融资贷款，报请区知识产权局同意${cite(policy.suspensionRatio.article)}。`;
  }
  return undefined;
}

function ActionDialog({
  action,
  policy,
  run,
  onClose,
}: {
  action: NonNullable<Action>;
  policy: Policy | undefined;
  run: (comment: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const d = DIALOGS[action.kind];
  const r = action.risk;
  const intro = `${r.bank.name}：风险比例 ${ratioPercent(r.ratio)}（${levelLabel(r.level, policy)}），业务日期 ${r.asOf}。`;
  return (
    <CommentModal
      title={d.title}
      okText={d.okText}
      danger={d.danger}
      intro={intro}
      defaultComment={defaultComment(action.kind, policy)}
      onSubmit={run}
      onClose={onClose}
    />
  );
}
