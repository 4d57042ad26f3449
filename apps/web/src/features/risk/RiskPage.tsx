import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert, Button, Card, Empty, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatArticle, type Lang, type Operation } from '@ipfund/shared';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { useLang } from '../../i18n';
import { formatYuan } from '../../lib/money';
import { PlainList, PlainListItem } from '../../lib/PlainList';
import { formatRate } from '../claims/policyText';
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
  cite,
  LEVEL_COLORS,
  levelLabel,
  noticeKindLabel,
  proposalStatusLabel,
  ratioPercent,
  suggestionLabel,
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

/**
 * 风险监测 (Art 12): every bank's risk ratio — Σ IP-pledged principal of covered loans at least the
 * policy's risk days overdue or in claim ÷ Σ of all its covered loans — at the business date. A bank
 * sees its own row and the notices addressed to it. Every button follows the row's (or the pending
 * proposal's) `viewerCan`: warn, propose suspension, consent or decline, lift.
 */
export function RiskPage() {
  const { t } = useTranslation();
  const lang = useLang();
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
    {
      title: t('risk.monitor.rank'),
      key: 'rank',
      width: 64,
      render: (_: unknown, __: BankRisk, i: number) => i + 1,
    },
    { title: t('risk.monitor.bank'), dataIndex: ['bank', 'name'] },
    {
      title: t('risk.monitor.ratio'),
      dataIndex: 'ratio',
      align: 'right',
      render: (r: string) => (
        <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{ratioPercent(r)}</strong>
      ),
    },
    {
      title: t('risk.monitor.level'),
      dataIndex: 'level',
      render: (level: string, r) => (
        <Space size={4} wrap>
          <Tag color={LEVEL_COLORS[level] ?? 'default'}>{levelLabel(level, policy)}</Tag>
          {r.suspended && (
            <Tag color="red">{t('risk.monitor.suspendedSince', { date: r.suspendedSince })}</Tag>
          )}
          {r.pendingProposalId && <Tag color="purple">{t('risk.monitor.pendingProposal')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('risk.monitor.figures', {
        overdue: policy
          ? t('risk.monitor.overdueDays', { days: policy.riskOverdueDays.value })
          : t('risk.monitor.overdue'),
      }),
      key: 'figures',
      align: 'right',
      render: (_: unknown, r) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatYuan(r.numerator)} / {formatYuan(r.denominator)}
          <Typography.Text type="secondary">
            {' '}
            {t('risk.monitor.loanCounts', { atRisk: r.atRiskLoans, covered: r.coveredLoans })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('risk.monitor.lastWarning'),
      dataIndex: 'lastWarningOn',
      render: (d: string | null) => d ?? '—',
    },
  ];
  if (RISK_OPERATIONS.some(mayTake)) {
    columns.push({
      title: t('risk.monitor.actions'),
      key: 'actions',
      render: (_: unknown, r) => {
        const pending = r.pendingProposalId ? proposalById.get(r.pendingProposalId) : undefined;
        const suggested = r.suggestedAction ? SUGGESTED_OPERATION[r.suggestedAction] : undefined;
        const suggestion = r.suggestedAction ? suggestionLabel(r.suggestedAction) : null;
        return (
          <Space size={0} wrap>
            {suggested && can(r, suggested) && suggestion && <Tag color="gold">{suggestion}</Tag>}
            {can(r, 'risk.issueWarning') && (
              <Button type="link" size="small" onClick={() => setAction({ kind: 'warn', risk: r })}>
                {t('risk.action.warn')}
              </Button>
            )}
            {can(r, 'risk.proposeSuspension') && (
              <Button type="link" size="small" danger onClick={() => setAction({ kind: 'propose', risk: r })}>
                {t('risk.action.propose')}
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
                  {t('risk.action.consent')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setAction({ kind: 'decline', risk: r, proposalId: pending.id })}
                >
                  {t('risk.action.decline')}
                </Button>
              </>
            )}
            {can(r, 'risk.liftSuspension') && (
              <Button type="link" size="small" onClick={() => setAction({ kind: 'lift', risk: r })}>
                {t('risk.action.lift')}
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
        title={t('risk.monitor.title', { cite: cite(lang, provisionArticle(policy, 'bankSupervision')) })}
        extra={<BusinessDateControl />}
      >
        {risks.error && (
          <Alert
            type="error"
            showIcon
            title={t('risk.monitor.loadFailed')}
            description={risks.error.message}
          />
        )}
        {own && <OwnStatus risk={own} policy={policy} lang={lang} />}
        {!own && rows.length > 0 && policy && (
          <Suspense fallback={<Spin />}>
            <RiskChart risks={rows} policy={policy} />
          </Suspense>
        )}
        {policy && (
          <Typography.Paragraph type="secondary">
            {t('risk.monitor.explanation', {
              days: policy.riskOverdueDays.value,
              warning: formatRate(policy.warningRatio.value),
              suspension: formatRate(policy.suspensionRatio.value),
              cite: cite(lang, policy.suspensionRatio.article),
            })}
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
        <Card title={t('risk.proposals.title')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={proposalList}
            columns={[
              { title: t('risk.proposals.bank'), dataIndex: ['bank', 'name'], width: 200 },
              { title: t('risk.proposals.proposedOn'), dataIndex: 'proposedOn', width: 120 },
              {
                title: t('risk.proposals.ratio'),
                dataIndex: 'ratio',
                width: 90,
                render: (r: string) => ratioPercent(r),
              },
              { title: t('risk.proposals.comment'), dataIndex: 'comment' },
              {
                title: t('risk.proposals.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: string) => (
                  <Tag color={s === 'PENDING' ? 'purple' : s === 'CONSENTED' ? 'red' : 'default'}>
                    {proposalStatusLabel(s)}
                  </Tag>
                ),
              },
              {
                title: t('risk.proposals.decision'),
                key: 'decision',
                width: 260,
                render: (_: unknown, p) =>
                  p.decidedOn
                    ? t('risk.proposals.decisionText', {
                        date: p.decidedOn,
                        by: p.decidedBy ?? '',
                        comment: p.decisionComment ?? '',
                      })
                    : '—',
              },
            ]}
          />
        </Card>
      )}
      <Card title={own ? t('risk.notices.own') : t('risk.notices.all')}>
        <NoticeList notices={notices.data?.riskNotices ?? []} showBank={!own} lang={lang} />
      </Card>
      {action && (
        <ActionDialog
          action={action}
          policy={policy}
          lang={lang}
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

function OwnStatus({ risk, policy, lang }: { risk: BankRisk; policy: Policy | undefined; lang: Lang }) {
  const { t } = useTranslation();
  const type = risk.suspended ? 'error' : risk.level === 'NONE' ? 'success' : 'warning';
  const text = risk.suspended
    ? t('risk.monitor.ownSuspended', {
        date: risk.suspendedSince,
        cite: cite(lang, provisionArticle(policy, 'bankSuspension')),
      })
    : risk.level === 'NONE'
      ? t('risk.monitor.ownNone')
      : t('risk.monitor.ownWarning', { cite: cite(lang, policy?.warningRatio.article) });
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      title={t('risk.monitor.ownTitle', { ratio: ratioPercent(risk.ratio), date: risk.asOf })}
      description={text}
    />
  );
}

function NoticeList({ notices, showBank, lang }: { notices: RiskNotice[]; showBank: boolean; lang: Lang }) {
  const { t } = useTranslation();
  if (!notices.length) return <Empty description={t('risk.notices.empty')} />;
  return (
    <PlainList
      items={notices}
      rowKey={(n) => n.id}
      renderItem={(n) => (
        <PlainListItem
          title={
            <Space wrap>
              <Tag color={n.kind === 'WARNING' ? 'orange' : n.kind === 'SUSPENSION' ? 'red' : 'green'}>
                {noticeKindLabel(n.kind)}
              </Tag>
              {showBank && <span>{n.bank.name}</span>}
              <Typography.Text type="secondary">
                {n.businessDate} · {n.issuerOrganization.name} {n.issuedBy} · {formatArticle(n.article, lang)}
                {n.ratio ? t('risk.notices.ratio', { ratio: ratioPercent(n.ratio) }) : ''}
              </Typography.Text>
            </Space>
          }
          description={n.comment}
        />
      )}
    />
  );
}

/** Which dialogs are a dangerous step; their texts are `risk.dialog.<kind>Title` and `<kind>Ok`. */
const DANGEROUS = { warn: false, propose: true, consent: true, decline: false, lift: false } as const;

/** The suggested wording of a notice, with the policy's figures and articles; empty before it arrives. */
function defaultComment(
  kind: NonNullable<Action>['kind'],
  policy: Policy | undefined,
  lang: Lang,
  t: TFunction,
): string | undefined {
  if (kind === 'consent') return t('risk.dialog.consentComment');
  if (!policy) return undefined;
  const days = policy.riskOverdueDays.value;
  if (kind === 'warn') {
    return t('risk.dialog.warnComment', {
      days,
      ratio: formatRate(policy.warningRatio.value),
      cite: cite(lang, policy.warningRatio.article),
    });
  }
  if (kind === 'propose') {
    return t('risk.dialog.proposeComment', {
      days,
      ratio: formatRate(policy.suspensionRatio.value),
      cite: cite(lang, policy.suspensionRatio.article),
    });
  }
  return undefined;
}

function ActionDialog({
  action,
  policy,
  lang,
  run,
  onClose,
}: {
  action: NonNullable<Action>;
  policy: Policy | undefined;
  lang: Lang;
  run: (comment: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const r = action.risk;
  const intro = t('risk.dialog.intro', {
    bank: r.bank.name,
    ratio: ratioPercent(r.ratio),
    level: levelLabel(r.level, policy),
    date: r.asOf,
  });
  return (
    <CommentModal
      title={t(`risk.dialog.${action.kind}Title`)}
      okText={t(`risk.dialog.${action.kind}Ok`)}
      danger={DANGEROUS[action.kind]}
      intro={intro}
      defaultComment={defaultComment(action.kind, policy, lang, t)}
      onSubmit={run}
      onClose={onClose}
    />
  );
}
