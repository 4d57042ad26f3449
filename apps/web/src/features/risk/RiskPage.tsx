import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Empty,
  List,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { formatYuan } from '../../lib/money';
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
} from './risk.graphql';
import {
  label,
  LEVEL_COLORS,
  LEVEL_LABELS,
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

/**
 * 风险监测 (Art 12): every bank's risk ratio — Σ IP-pledged principal of covered loans ≥ 15 days
 * overdue or in claim ÷ Σ of all its covered loans — at the business date. A bank sees its own row and
 * the notices addressed to it; the manager warns (≥ 5 %) and proposes suspension (≥ 8 %); the IP
 * bureau consents, declines and lifts.
 */
export function RiskPage() {
  const { kind } = useCaller();
  const risks = useQuery(BANK_RISKS_QUERY, { fetchPolicy: 'cache-and-network' });
  const notices = useQuery(RISK_NOTICES_QUERY, { fetchPolicy: 'cache-and-network' });
  const programme = kind !== undefined && kind !== 'LENDING_BANK';
  const proposals = useQuery(SUSPENSION_PROPOSALS_QUERY, {
    skip: !programme,
    fetchPolicy: 'cache-and-network',
  });
  const [action, setAction] = useState<Action>(null);
  const [warn] = useMutation(ISSUE_WARNING_MUTATION, { refetchQueries: 'active' });
  const [propose] = useMutation(PROPOSE_SUSPENSION_MUTATION, { refetchQueries: 'active' });
  const [decide] = useMutation(DECIDE_SUSPENSION_MUTATION, { refetchQueries: 'active' });
  const [lift] = useMutation(LIFT_SUSPENSION_MUTATION, { refetchQueries: 'active' });

  const rows = risks.data?.bankRisks ?? [];
  const isManager = kind === 'FUND_MANAGER';
  const isIpBureau = kind === 'IP_BUREAU';

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
          <Tag color={LEVEL_COLORS[level] ?? 'default'}>{label(LEVEL_LABELS, level)}</Tag>
          {r.suspended && <Tag color="red">自 {r.suspendedSince} 起中止</Tag>}
          {r.pendingProposalId && <Tag color="purple">中止待知识产权局审批</Tag>}
        </Space>
      ),
    },
    {
      title: '逾期15天以上 / 全部（知识产权质押部分）',
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
  if (isManager || isIpBureau) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_: unknown, r) => (
        <Space size={0} wrap>
          {isManager && r.suggestedAction && SUGGESTION_LABELS[r.suggestedAction] && (
            <Tag color="gold">{SUGGESTION_LABELS[r.suggestedAction]}</Tag>
          )}
          {isManager && r.level !== 'NONE' && !r.suspended && (
            <Button type="link" size="small" onClick={() => setAction({ kind: 'warn', risk: r })}>
              发出预警
            </Button>
          )}
          {isManager && r.level === 'SUSPENSION_PROPOSED' && !r.suspended && !r.pendingProposalId && (
            <Button type="link" size="small" danger onClick={() => setAction({ kind: 'propose', risk: r })}>
              提请中止
            </Button>
          )}
          {isIpBureau && r.pendingProposalId && (
            <>
              <Button
                type="link"
                size="small"
                danger
                onClick={() => setAction({ kind: 'consent', risk: r, proposalId: r.pendingProposalId! })}
              >
                同意中止
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => setAction({ kind: 'decline', risk: r, proposalId: r.pendingProposalId! })}
              >
                不同意
              </Button>
            </>
          )}
          {isIpBureau && r.suspended && (
            <Button type="link" size="small" onClick={() => setAction({ kind: 'lift', risk: r })}>
              解除中止
            </Button>
          )}
        </Space>
      ),
    });
  }

  const own = kind === 'LENDING_BANK' ? rows[0] : undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="风险监测（第12条）" extra={<BusinessDateControl />}>
        {risks.error && <Alert type="error" showIcon title="加载失败" description={risks.error.message} />}
        {own && <OwnStatus risk={own} />}
        {programme && rows.length > 0 && (
          <Suspense fallback={<Spin />}>
            <RiskChart risks={rows} />
          </Suspense>
        )}
        <Typography.Paragraph type="secondary">
          风险比例 = 已纳入补偿的贷款中逾期 15 天以上（含）或已申请补偿的知识产权质押贷款金额 ÷
          该行实际发放的知识产权质押贷款总额。 达到 5% 由资金管理人发出预警；达到 8%
          经区知识产权局同意后中止其发放知识产权质押贷款，中止前已发放的贷款继续予以补偿。
        </Typography.Paragraph>
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
      {programme && (proposals.data?.suspensionProposals.length ?? 0) > 0 && (
        <Card title="中止发放贷款的提请">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={proposals.data?.suspensionProposals ?? []}
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
      <Card title={kind === 'LENDING_BANK' ? '本行收到的通知' : '风险通知'}>
        <NoticeList notices={notices.data?.riskNotices ?? []} showBank={programme} />
      </Card>
      {action && (
        <ActionDialog
          action={action}
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

function OwnStatus({ risk }: { risk: BankRisk }) {
  const type = risk.suspended ? 'error' : risk.level === 'NONE' ? 'success' : 'warning';
  const text = risk.suspended
    ? `本行自 ${risk.suspendedSince} 起被中止发放知识产权质押贷款（第12条），此后发放的贷款不予补偿。`
    : risk.level === 'NONE'
      ? '本行风险比例低于预警线。'
      : '本行风险比例已达到预警线，请审慎新增贷款并加强贷后管理（第12条）。';
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
    <List
      dataSource={notices}
      renderItem={(n) => (
        <List.Item>
          <List.Item.Meta
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
        </List.Item>
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

function ActionDialog({
  action,
  run,
  onClose,
}: {
  action: NonNullable<Action>;
  run: (comment: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const d = DIALOGS[action.kind];
  const r = action.risk;
  const intro = `${r.bank.name}：风险比例 ${ratioPercent(r.ratio)}（${label(LEVEL_LABELS, r.level)}），业务日期 ${r.asOf}。`;
  const defaults: Record<string, string> = {
    warn: '贵行逾期15天以上的知识产权质押贷款已达实际发放总额的5%以上，请审慎新增贷款并加强贷后管理（第十二条）。',
    propose:
      '该行逾期15天以上贷款占比已达到8%，拟要求其中止发放知识产权质押融资贷款，报请区知识产权局同意（第十二条）。',
    consent: '同意中止该行发放知识产权质押融资贷款。',
  };
  return (
    <CommentModal
      title={d.title}
      okText={d.okText}
      danger={d.danger}
      intro={intro}
      defaultComment={defaults[action.kind]}
      onSubmit={run}
      onClose={onClose}
    />
  );
}
