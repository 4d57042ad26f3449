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
import { formatArticle } from '@ipfund/shared';
import { currentLang } from '../../i18n';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { formatYuan } from '../../lib/money';
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
import {
  CLAIM_STATUS_ZH,
  MONEY_LINES,
  OFFICE_ZH,
  RISK_LEVEL_ZH,
  SUPERVISION_KIND_ZH,
  ratioPercent,
} from './reportDisplay';

/** Downloads a report file with the session cookie and saves it under the server's name. */
function DownloadButton({ href, label }: { href: string; label: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string; error?: string } | null;
        message.error(`下载失败：${body?.message ?? body?.error ?? res.status}`);
        return;
      }
      saveBlob(await res.blob(), fileNameOf(res.headers.get('Content-Disposition')) ?? label);
    } catch {
      message.error('下载失败：网络错误');
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
  return status === 'DRAFT' ? <Tag color="default">草稿</Tag> : <Tag color="green">已印发 第{version}版</Tag>;
}

function Acknowledgements({ version }: { version: ReportVersion | undefined }) {
  if (!version) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {version.acknowledgements.map((a) => (
        <Tag key={a.orgKind} color="blue" title={`${a.userName} ${a.acknowledgedOn}`}>
          {OFFICE_ZH[a.orgKind] ?? a.orgName} 已确认
        </Tag>
      ))}
      {version.pendingOffices.map((k) => (
        <Tag key={k}>{OFFICE_ZH[k] ?? k} 待确认</Tag>
      ))}
    </Space>
  );
}

/** The figures of one report (the frozen version when issued), as the PDF prints them. */
function ReportDetail({ report }: { report: FundReport }) {
  const c = report.content;
  const latest = report.versions.at(-1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label="报告期">
          {c.periodLabel}（{c.from} 至 {c.to}）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <StatusTag status={report.status} version={report.version} />
        </Descriptions.Item>
        <Descriptions.Item label="数据截至">{c.asOf}</Descriptions.Item>
        <Descriptions.Item label="依据">
          管理办法{formatArticle(c.articles.report, currentLang())}
        </Descriptions.Item>
        {latest && (
          <Descriptions.Item label="内容哈希" span={2}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {latest.contentHash}
            </Typography.Text>{' '}
            {latest.hashVerified ? <Tag color="green">校验一致</Tag> : <Tag color="red">校验不一致</Tag>}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title="资金收支与余额">
        <Table
          size="small"
          pagination={false}
          rowKey="label"
          dataSource={MONEY_LINES.map((l) => ({ label: l.label, amount: l.pick(c) }))}
          columns={[
            { title: '项目', dataIndex: 'label' },
            { title: '金额', dataIndex: 'amount', align: 'right', render: (v: string) => formatYuan(v) },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8 }}>
          熔断（{formatArticle(c.articles.breaker, currentLang())}）：期末累计代偿{' '}
          {formatYuan(c.breaker.cumulativeAtEnd)}，阈值 {formatYuan(c.breaker.threshold)}，
          {c.breaker.reached ? '已达到' : `尚余 ${formatYuan(c.breaker.remaining)}`}。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="各季度风险补偿支出">
        <Space size="large" wrap>
          {c.compensationByQuarter.map((q) => (
            <span key={q.quarter}>
              {q.quarter}：{formatYuan(q.amount)}
            </span>
          ))}
        </Space>
      </Card>
      <Card size="small" title="纳入补偿的贷款（按合作银行）">
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="name"
          dataSource={[...c.loans.byBank, c.loans.total]}
          columns={[
            { title: '合作银行', dataIndex: 'name', fixed: 'left' },
            { title: '本期新增', render: (_, g) => `${g.coveredInPeriod.count} 笔` },
            { title: '新增本金', align: 'right', render: (_, g) => formatYuan(g.coveredInPeriod.principal) },
            { title: '期末在贷', render: (_, g) => `${g.outstandingAtEnd.count} 笔` },
            {
              title: '期末余额',
              align: 'right',
              render: (_, g) => formatYuan(g.outstandingAtEnd.outstanding),
            },
            {
              title: '知识产权质押部分',
              align: 'right',
              render: (_, g) => formatYuan(g.outstandingAtEnd.ipPledged),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`逾期与风险比例（${formatArticle(c.articles.risk, currentLang())}）`}>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="bankId"
          dataSource={c.riskByBank}
          columns={[
            { title: '合作银行', dataIndex: 'name', fixed: 'left' },
            { title: '逾期笔数', dataIndex: 'overdueLoans' },
            { title: '逾期余额', align: 'right', render: (_, r) => formatYuan(r.overdueAmount) },
            { title: '逾期率', render: (_, r) => ratioPercent(r.overdueRatio) },
            { title: '风险比例', render: (_, r) => ratioPercent(r.riskRatio) },
            { title: '等级', render: (_, r) => RISK_LEVEL_ZH[r.riskLevel] ?? r.riskLevel },
          ]}
        />
      </Card>
      <Card size="small" title="代偿申请（期末状态）">
        <Table
          size="small"
          pagination={false}
          rowKey="status"
          dataSource={c.claims.byStatus}
          columns={[
            { title: '状态', render: (_, s) => CLAIM_STATUS_ZH[s.status] ?? s.status },
            { title: '笔数', dataIndex: 'count' },
            { title: '资金补偿金额', align: 'right', render: (_, s) => formatYuan(s.fundShare) },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8 }}>
          本期提交 {c.claims.filed.count} 笔；终审批准 {c.claims.approved.count} 笔（
          {formatYuan(c.claims.approved.fundShare)}）；支付 {c.claims.paid.count} 笔（
          {formatYuan(c.claims.paid.fundShare)}）。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="监管事项">
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.on}-${r.subject}-${r.kind}`}
          dataSource={[...c.supervision.warnings, ...c.supervision.suspensions, ...c.supervision.blacklist]}
          columns={[
            { title: '日期', dataIndex: 'on' },
            { title: '对象', dataIndex: 'subject' },
            { title: '事项', render: (_, s) => SUPERVISION_KIND_ZH[s.kind] ?? s.kind },
            { title: '说明', dataIndex: 'comment' },
          ]}
        />
      </Card>
      <Card size="small" title="贷款企业季度财务报表收集">
        <Table
          size="small"
          pagination={false}
          rowKey="quarter"
          dataSource={c.financials}
          columns={[
            { title: '季度', dataIndex: 'quarter' },
            { title: '应报', dataIndex: 'expected' },
            { title: '已报送', dataIndex: 'submitted' },
            { title: '未报送', dataIndex: 'missing' },
            { title: '未报送企业', render: (_, f) => f.missingEnterprises.join('、') || '—' },
          ]}
        />
      </Card>
      <Card size="small" title="版本记录">
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={report.versions}
          columns={[
            { title: '版本', render: (_, v) => `第${v.version}版` },
            { title: '印发', render: (_, v) => `${v.issuedOn} ${v.issuedByName}` },
            { title: '更正理由', render: (_, v) => v.reason ?? '—' },
            { title: '确认', render: (_, v) => <Acknowledgements version={v} /> },
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
      message.success(why ? '已印发更正版本' : '已印发');
      setCorrecting(null);
      setReason('');
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const runAcknowledge = async (r: FundReportSummary) => {
    try {
      await acknowledge({
        variables: { period: r.period, version: r.latestVersion ?? 1, comment: '已收阅' },
      });
      message.success('已确认收阅');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<FundReportSummary> = [
    { title: '报告期', dataIndex: 'label', fixed: 'left', width: 150 },
    {
      title: '状态',
      width: 120,
      render: (_, r) => <StatusTag status={r.status} version={r.latestVersion} />,
    },
    {
      title: '印发',
      width: 200,
      render: (_, r) => {
        const v = r.versions.at(-1);
        return v ? `${v.issuedOn} ${v.issuedByName}` : '—';
      },
    },
    { title: '各部门确认', render: (_, r) => <Acknowledgements version={r.versions.at(-1)} /> },
    {
      title: '操作',
      fixed: 'right',
      width: 330,
      render: (_, r) => (
        <Space size={4} wrap>
          <Button size="small" type="link" onClick={() => setOpen(r.period)}>
            查看
          </Button>
          {r.viewerCan.includes('report.issue') && r.status === 'DRAFT' && (
            <Button
              size="small"
              type="primary"
              loading={issuing.loading}
              onClick={() => void runIssue(r.period, null)}
            >
              印发
            </Button>
          )}
          {r.viewerCan.includes('report.issue') && r.status === 'ISSUED' && (
            <Button size="small" onClick={() => setCorrecting(r)}>
              更正
            </Button>
          )}
          {r.viewerCan.includes('report.acknowledge') && (
            <Button
              size="small"
              type="primary"
              loading={acknowledging.loading}
              onClick={() => void runAcknowledge(r)}
            >
              确认收阅
            </Button>
          )}
          <DownloadButton href={r.pdfUrl} label="PDF" />
          <DownloadButton href={r.xlsxUrl} label="Excel" />
        </Space>
      ),
    },
  ];

  return (
    <Card title="资金运营情况报告" data-testid="reports-page">
      {list.error && <ErrorAlert title="报告列表加载失败" error={list.error} />}
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
        {detail.error && <ErrorAlert title="报告加载失败" error={detail.error} />}
        {detail.loading && <Spin />}
        {detail.data && <ReportDetail report={detail.data.fundReport} />}
      </Drawer>
      <Modal
        open={correcting !== null}
        title={`更正 ${correcting?.label ?? ''}（印发新版本）`}
        okText="印发更正版本"
        okButtonProps={{ disabled: !reason.trim(), loading: issuing.loading }}
        onOk={() => correcting && void runIssue(correcting.period, reason.trim())}
        onCancel={() => setCorrecting(null)}
      >
        <Typography.Paragraph type="secondary">
          已印发的版本保持不变；更正以当前数据生成新版本，须说明理由。
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="更正理由"
        />
      </Modal>
    </Card>
  );
}
