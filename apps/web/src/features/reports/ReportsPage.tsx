import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { DownloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { formatArticle, formatMoney } from '@ipfund/shared';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { fileNameOf, saveBlob } from '../../lib/saveBlob';
import {
  ACKNOWLEDGE_FUND_REPORT,
  FUND_REPORT_QUERY,
  FUND_REPORTS_QUERY,
  ISSUE_FUND_REPORT,
  type FundReport,
  type FundReportSummary,
  type ReportVersion,
} from './reports.graphql';
import { MONEY_LINES, ratioPercent } from './reportDisplay';

/** Downloads a report file with the session cookie and saves it under the server's name. */
function DownloadButton({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string; error?: string } | null;
        message.error(t('reports.download.failed', { reason: body?.message ?? body?.error ?? res.status }));
        return;
      }
      saveBlob(await res.blob(), fileNameOf(res.headers.get('Content-Disposition')) ?? label);
    } catch {
      message.error(t('reports.download.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}

function StatusTag({ status, version }: { status: string; version: number | null }) {
  const { t } = useTranslation();
  return status === 'DRAFT' ? (
    <Tag color="default">{t('reports.status.draft')}</Tag>
  ) : (
    <Tag color="green">{t('reports.status.issued', { version })}</Tag>
  );
}

function Acknowledgements({ version }: { version: ReportVersion | undefined }) {
  const { t } = useTranslation();
  const office = (kind: string, name?: string) => t(`reports.office.${kind}`, { defaultValue: name ?? kind });
  if (!version) return <Typography.Text type="secondary">{t('reports.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {version.acknowledgements.map((a) => (
        <Tag key={a.orgKind} color="blue" title={`${a.userName} ${a.acknowledgedOn}`}>
          {t('reports.acknowledged', { office: office(a.orgKind, a.orgName) })}
        </Tag>
      ))}
      {version.pendingOffices.map((k) => (
        <Tag key={k}>{t('reports.pendingAcknowledgement', { office: office(k) })}</Tag>
      ))}
    </Space>
  );
}

/** The figures of one report (the frozen version when issued), as the PDF prints them. */
function ReportDetail({ report }: { report: FundReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = (amount: string) => formatMoney(amount, lang);
  const article = (a: string) => formatArticle(a, lang);
  const c = report.content;
  const latest = report.versions.at(-1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('reports.detail.period')}>
          {t('reports.detail.periodValue', { label: c.periodLabel, from: c.from, to: c.to })}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.detail.status')}>
          <StatusTag status={report.status} version={report.version} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.detail.asOf')}>{c.asOf}</Descriptions.Item>
        <Descriptions.Item label={t('reports.detail.basis')}>
          {t('reports.detail.basisValue', { article: article(c.articles.report) })}
        </Descriptions.Item>
        {latest && (
          <Descriptions.Item label={t('reports.detail.contentHash')} span={{ xs: 1, sm: 2 }}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {latest.contentHash}
            </Typography.Text>{' '}
            {latest.hashVerified ? (
              <Tag color="green">{t('reports.detail.hashVerified')}</Tag>
            ) : (
              <Tag color="red">{t('reports.detail.hashMismatch')}</Tag>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('reports.detail.money')}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={MONEY_LINES.map((l) => ({
            key: l.key,
            label: t(`reports.moneyLine.${l.key}`),
            amount: l.pick(c),
          }))}
          columns={[
            { title: t('reports.detail.item'), dataIndex: 'label' },
            { title: t('reports.detail.amount'), dataIndex: 'amount', align: 'right', render: money },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('reports.detail.breaker', {
            article: article(c.articles.breaker),
            cumulative: money(c.breaker.cumulativeAtEnd),
            threshold: money(c.breaker.threshold),
            state: c.breaker.reached
              ? t('reports.detail.breakerReached')
              : t('reports.detail.breakerRemaining', { remaining: money(c.breaker.remaining) }),
          })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('reports.detail.byQuarter')}>
        <Space size="large" wrap>
          {c.compensationByQuarter.map((q) => (
            <span key={q.quarter}>
              {t('reports.detail.quarterAmount', { quarter: q.quarter, amount: money(q.amount) })}
            </span>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('reports.detail.loans')}>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="name"
          dataSource={[...c.loans.byBank, c.loans.total]}
          columns={[
            { title: t('reports.detail.bank'), dataIndex: 'name', fixed: 'left' },
            {
              title: t('reports.detail.coveredInPeriod'),
              render: (_, g) => t('reports.detail.count', { count: g.coveredInPeriod.count }),
            },
            {
              title: t('reports.detail.principal'),
              align: 'right',
              render: (_, g) => money(g.coveredInPeriod.principal),
            },
            {
              title: t('reports.detail.outstandingLoans'),
              render: (_, g) => t('reports.detail.count', { count: g.outstandingAtEnd.count }),
            },
            {
              title: t('reports.detail.outstanding'),
              align: 'right',
              render: (_, g) => money(g.outstandingAtEnd.outstanding),
            },
            {
              title: t('reports.detail.ipPledged'),
              align: 'right',
              render: (_, g) => money(g.outstandingAtEnd.ipPledged),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('reports.detail.risk', { article: article(c.articles.risk) })}>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="bankId"
          dataSource={c.riskByBank}
          columns={[
            { title: t('reports.detail.bank'), dataIndex: 'name', fixed: 'left' },
            { title: t('reports.detail.overdueLoans'), dataIndex: 'overdueLoans' },
            {
              title: t('reports.detail.overdueAmount'),
              align: 'right',
              render: (_, r) => money(r.overdueAmount),
            },
            { title: t('reports.detail.overdueRatio'), render: (_, r) => ratioPercent(r.overdueRatio) },
            { title: t('reports.detail.riskRatio'), render: (_, r) => ratioPercent(r.riskRatio) },
            {
              title: t('reports.detail.riskLevel'),
              render: (_, r) => t(`reports.riskLevel.${r.riskLevel}`, { defaultValue: r.riskLevel }),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('reports.detail.claims')}>
        <Table
          size="small"
          pagination={false}
          rowKey="status"
          dataSource={c.claims.byStatus}
          columns={[
            {
              title: t('reports.detail.claimStatus'),
              render: (_, s) => t(`reports.claimStatus.${s.status}`, { defaultValue: s.status }),
            },
            { title: t('reports.detail.claimCount'), dataIndex: 'count' },
            { title: t('reports.detail.fundShare'), align: 'right', render: (_, s) => money(s.fundShare) },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('reports.detail.claimsSummary', {
            filed: c.claims.filed.count,
            approved: c.claims.approved.count,
            approvedAmount: money(c.claims.approved.fundShare),
            paid: c.claims.paid.count,
            paidAmount: money(c.claims.paid.fundShare),
          })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('reports.detail.supervision')}>
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.on}-${r.subject}-${r.kind}`}
          dataSource={[...c.supervision.warnings, ...c.supervision.suspensions, ...c.supervision.blacklist]}
          columns={[
            { title: t('reports.detail.date'), dataIndex: 'on' },
            { title: t('reports.detail.subject'), dataIndex: 'subject' },
            {
              title: t('reports.detail.kind'),
              render: (_, s) => t(`reports.supervisionKind.${s.kind}`, { defaultValue: s.kind }),
            },
            { title: t('reports.detail.comment'), dataIndex: 'comment' },
          ]}
        />
      </Card>
      <Card size="small" title={t('reports.detail.financials')}>
        <Table
          size="small"
          pagination={false}
          rowKey="quarter"
          dataSource={c.financials}
          columns={[
            { title: t('reports.detail.quarter'), dataIndex: 'quarter' },
            { title: t('reports.detail.expected'), dataIndex: 'expected' },
            { title: t('reports.detail.submitted'), dataIndex: 'submitted' },
            { title: t('reports.detail.missing'), dataIndex: 'missing' },
            {
              title: t('reports.detail.missingEnterprises'),
              render: (_, f) => f.missingEnterprises.join(t('reports.listSeparator')) || t('reports.none'),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('reports.detail.versions')}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={report.versions}
          columns={[
            {
              title: t('reports.detail.version'),
              render: (_, v) => t('reports.detail.versionValue', { version: v.version }),
            },
            { title: t('reports.detail.issued'), render: (_, v) => `${v.issuedOn} ${v.issuedByName}` },
            { title: t('reports.detail.reason'), render: (_, v) => v.reason ?? t('reports.none') },
            {
              title: t('reports.detail.acknowledgements'),
              render: (_, v) => <Acknowledgements version={v} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/**
 * 运营报告 (Art 6.6): every issued quarter and year with its versions and the offices'
 * acknowledgements, the recent periods still in draft; the manager issues or corrects (a new version
 * with its reason), each office acknowledges, anyone here downloads the xlsx or PDF.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useQuery(FUND_REPORTS_QUERY);
  const [open, setOpen] = useState<string | null>(null);
  const detail = useQuery(FUND_REPORT_QUERY, { variables: { period: open ?? '' }, skip: !open });
  const [issue, issuing] = useMutation(ISSUE_FUND_REPORT, { refetchQueries: [FUND_REPORTS_QUERY] });
  const [acknowledge, acknowledging] = useMutation(ACKNOWLEDGE_FUND_REPORT, {
    refetchQueries: [FUND_REPORTS_QUERY],
  });
  const [correcting, setCorrecting] = useState<FundReportSummary | null>(null);
  const [reason, setReason] = useState('');

  const runIssue = async (period: string, why: string | null) => {
    try {
      await issue({ variables: { period, reason: why } });
      message.success(why ? t('reports.correctedDone') : t('reports.issuedDone'));
      setCorrecting(null);
      setReason('');
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const runAcknowledge = async (r: FundReportSummary) => {
    try {
      await acknowledge({
        variables: {
          period: r.period,
          version: r.latestVersion ?? 1,
          comment: t('reports.acknowledgeComment'),
        },
      });
      message.success(t('reports.acknowledgedDone'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<FundReportSummary> = [
    { title: t('reports.column.period'), dataIndex: 'label', fixed: 'left', width: 150 },
    {
      title: t('reports.column.status'),
      width: 120,
      render: (_, r) => <StatusTag status={r.status} version={r.latestVersion} />,
    },
    {
      title: t('reports.column.issued'),
      width: 200,
      render: (_, r) => {
        const v = r.versions.at(-1);
        return v ? `${v.issuedOn} ${v.issuedByName}` : t('reports.none');
      },
    },
    {
      title: t('reports.column.acknowledgements'),
      render: (_, r) => <Acknowledgements version={r.versions.at(-1)} />,
    },
    {
      title: t('reports.column.actions'),
      fixed: 'right',
      width: 330,
      render: (_, r) => (
        <Space size={4} wrap>
          <Button size="small" type="link" onClick={() => setOpen(r.period)}>
            {t('reports.action.view')}
          </Button>
          {r.viewerCan.includes('report.issue') && r.status === 'DRAFT' && (
            <Button
              size="small"
              type="primary"
              loading={issuing.loading}
              onClick={() => void runIssue(r.period, null)}
            >
              {t('reports.action.issue')}
            </Button>
          )}
          {r.viewerCan.includes('report.issue') && r.status === 'ISSUED' && (
            <Button size="small" onClick={() => setCorrecting(r)}>
              {t('reports.action.correct')}
            </Button>
          )}
          {r.viewerCan.includes('report.acknowledge') && (
            <Button
              size="small"
              type="primary"
              loading={acknowledging.loading}
              onClick={() => void runAcknowledge(r)}
            >
              {t('reports.action.acknowledge')}
            </Button>
          )}
          <DownloadButton href={r.pdfUrl} label={t('reports.download.pdf')} />
          <DownloadButton href={r.xlsxUrl} label={t('reports.download.excel')} />
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('reports.title')} data-testid="reports-page">
      {list.error && <ErrorAlert title={t('reports.listFailed')} error={list.error} />}
      <Table
        rowKey="period"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.fundReports ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="min(960px, 100vw)"
        title={detail.data?.fundReport.label ?? open ?? ''}
        destroyOnHidden
      >
        {detail.error && <ErrorAlert title={t('reports.reportFailed')} error={detail.error} />}
        {detail.loading && <Spin />}
        {detail.data && <ReportDetail report={detail.data.fundReport} />}
      </Drawer>
      <Modal
        open={correcting !== null}
        title={t('reports.correct.title', { label: correcting?.label ?? '' })}
        okText={t('reports.correct.ok')}
        okButtonProps={{ disabled: !reason.trim(), loading: issuing.loading }}
        onOk={() => correcting && void runIssue(correcting.period, reason.trim())}
        onCancel={() => setCorrecting(null)}
      >
        <Typography.Paragraph type="secondary">{t('reports.correct.note')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('reports.correct.reason')}
        />
      </Modal>
    </Card>
  );
}
