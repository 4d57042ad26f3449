import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { formatArticle } from '@ipfund/shared';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import { currentLang } from '../../i18n';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { formatYuan } from '../../lib/money';
import { useCaller } from '../loans/useCaller';
import {
  COLLECTION_QUERY,
  CORRECT_STATEMENT,
  OWN_ENTERPRISE_QUERY,
  REMIND_STATEMENT,
  STATEMENTS_QUERY,
  SUBMIT_STATEMENT,
  endedQuarters,
  type CollectionRow,
  type FinancialStatement,
  type StatementInput,
} from './financials.graphql';

const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;

const FIGURES: { name: keyof StatementInput; label: string; signed?: boolean }[] = [
  { name: 'revenue', label: '营业收入（元）' },
  { name: 'netProfit', label: '净利润（元，亏损填负数）', signed: true },
  { name: 'totalAssets', label: '资产总额（元）' },
  { name: 'totalLiabilities', label: '负债总额（元）' },
  { name: 'rndSpending', label: '研发投入（元）' },
];

interface FormTarget {
  enterpriseId: string;
  enterpriseName: string;
  previous: FinancialStatement | null;
}

/** Submit (or correct, with a reason) one enterprise's statement for a quarter (Art 22). */
function StatementModal({
  target,
  quarter,
  onClose,
}: {
  target: FormTarget | null;
  quarter: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StatementInput & { reason?: string }>();
  const refetchQueries = [COLLECTION_QUERY, STATEMENTS_QUERY];
  const [submit, submitting] = useMutation(SUBMIT_STATEMENT, { refetchQueries });
  const [correct, correcting] = useMutation(CORRECT_STATEMENT, { refetchQueries });
  const previous = target?.previous ?? null;
  const save = async () => {
    if (!target) return;
    const v = await form.validateFields();
    const input: StatementInput = {
      enterpriseId: target.enterpriseId,
      quarter,
      revenue: v.revenue.trim(),
      netProfit: v.netProfit.trim(),
      totalAssets: v.totalAssets.trim(),
      totalLiabilities: v.totalLiabilities.trim(),
      rndSpending: v.rndSpending.trim(),
      loanUse: v.loanUse.trim(),
    };
    try {
      if (previous) await correct({ variables: { input, reason: (v.reason ?? '').trim() } });
      else await submit({ variables: { input } });
      message.success(previous ? '已提交更正' : '已报送');
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal
      open={target !== null}
      title={`${previous ? '更正' : '报送'} ${target?.enterpriseName ?? ''} ${quarter} 财务报表`}
      okText={previous ? '提交更正' : '报送'}
      confirmLoading={submitting.loading || correcting.loading}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          previous
            ? {
                revenue: previous.revenue,
                netProfit: previous.netProfit,
                totalAssets: previous.totalAssets,
                totalLiabilities: previous.totalLiabilities,
                rndSpending: previous.rndSpending,
                loanUse: previous.loanUse,
              }
            : {}
        }
      >
        {FIGURES.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={[
              { required: true, message: '请填写' },
              {
                validator: (_, value: string | undefined) =>
                  !value || (AMOUNT.test(value.trim()) && (f.signed || !value.trim().startsWith('-')))
                    ? Promise.resolve()
                    : Promise.reject(new Error(f.signed ? '金额，最多两位小数' : '非负金额，最多两位小数')),
              },
            ]}
          >
            <Input inputMode="decimal" placeholder="如 1250000.00" />
          </Form.Item>
        ))}
        <Form.Item
          name="loanUse"
          label="贷款资金使用情况"
          rules={[{ required: true, whitespace: true, message: '请填写' }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {previous && (
          <Form.Item
            name="reason"
            label="更正理由"
            rules={[{ required: true, whitespace: true, message: '请填写更正理由' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function StatementDetail({ statement }: { statement: FinancialStatement }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="企业">{statement.enterpriseName}</Descriptions.Item>
      <Descriptions.Item label="季度 / 版本">
        {statement.quarter} · 第{statement.version}版
      </Descriptions.Item>
      <Descriptions.Item label="营业收入">{formatYuan(statement.revenue)}</Descriptions.Item>
      <Descriptions.Item label="净利润">{formatYuan(statement.netProfit)}</Descriptions.Item>
      <Descriptions.Item label="资产总额">{formatYuan(statement.totalAssets)}</Descriptions.Item>
      <Descriptions.Item label="负债总额">{formatYuan(statement.totalLiabilities)}</Descriptions.Item>
      <Descriptions.Item label="研发投入">{formatYuan(statement.rndSpending)}</Descriptions.Item>
      <Descriptions.Item label="贷款资金使用情况">{statement.loanUse}</Descriptions.Item>
      {statement.correctionReason && (
        <Descriptions.Item label="更正理由">{statement.correctionReason}</Descriptions.Item>
      )}
      <Descriptions.Item label="报送">
        {statement.submittedOn} {statement.submittedByName}
        {statement.submittedOrgKind === 'FUND_MANAGER' ? '（资金管理人代为录入）' : ''}
      </Descriptions.Item>
    </Descriptions>
  );
}

const statementColumns: TableColumnsType<FinancialStatement> = [
  { title: '企业', dataIndex: 'enterpriseName', fixed: 'left' },
  { title: '季度', dataIndex: 'quarter' },
  { title: '版本', render: (_, s) => `第${s.version}版` },
  { title: '营业收入', align: 'right', render: (_, s) => formatYuan(s.revenue) },
  { title: '净利润', align: 'right', render: (_, s) => formatYuan(s.netProfit) },
  { title: '资产总额', align: 'right', render: (_, s) => formatYuan(s.totalAssets) },
  { title: '负债总额', align: 'right', render: (_, s) => formatYuan(s.totalLiabilities) },
  { title: '研发投入', align: 'right', render: (_, s) => formatYuan(s.rndSpending) },
  { title: '报送日期', dataIndex: 'submittedOn' },
  { title: '更正理由', render: (_, s) => s.correctionReason ?? '—' },
];

/** The programme's view: who owes a statement for the quarter, who gave it, reminders (Art 22). */
function CollectionView({ quarter, onForm }: { quarter: string; onForm: (t: FormTarget) => void }) {
  const { message } = App.useApp();
  const { mayTake } = useViewerPermissions();
  const { data, loading, error } = useQuery(COLLECTION_QUERY, { variables: { quarter } });
  const [remind, reminding] = useMutation(REMIND_STATEMENT, { refetchQueries: [COLLECTION_QUERY] });
  const [shown, setShown] = useState<FinancialStatement | null>(null);
  const c = data?.financialStatementCollection;
  const columns: TableColumnsType<CollectionRow> = [
    { title: '企业', dataIndex: 'enterpriseName', fixed: 'left' },
    { title: '统一社会信用代码', dataIndex: 'creditCode' },
    { title: '在贷笔数', dataIndex: 'loans' },
    { title: '贷款余额', align: 'right', render: (_, r) => formatYuan(r.outstanding) },
    {
      title: '报送状态',
      render: (_, r) =>
        r.statement ? (
          <Tag color="green">已报送 第{r.statement.version}版</Tag>
        ) : (
          <Tag color="red">未报送</Tag>
        ),
    },
    { title: '催报', render: (_, r) => (r.reminders ? `${r.reminders} 次，最近 ${r.lastRemindedOn}` : '—') },
    {
      title: '操作',
      fixed: 'right',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.statement && (
            <Button size="small" type="link" onClick={() => setShown(r.statement)}>
              查看
            </Button>
          )}
          {r.viewerCan.includes('financials.remind') && (
            <Button
              size="small"
              loading={reminding.loading}
              onClick={() =>
                void remind({ variables: { enterpriseId: r.enterpriseId, quarter } }).then(
                  () => message.success('已记录催报'),
                  (e: unknown) => message.error(errorText(e)),
                )
              }
            >
              催报
            </Button>
          )}
          {!r.statement && mayTake('financials.submit') && (
            <Button
              size="small"
              onClick={() =>
                onForm({ enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, previous: null })
              }
            >
              代为报送
            </Button>
          )}
          {r.statement && mayTake('financials.correct') && (
            <Button
              size="small"
              onClick={() =>
                onForm({
                  enterpriseId: r.enterpriseId,
                  enterpriseName: r.enterpriseName,
                  previous: r.statement,
                })
              }
            >
              更正
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      {error && <ErrorAlert title="收集情况加载失败" error={error} />}
      {c && (
        <Space size="large" style={{ marginBottom: 16 }}>
          <Statistic title="应报企业" value={c.expected} />
          <Statistic title="已报送" value={c.submitted} />
          <Statistic
            title="未报送"
            value={c.missing}
            styles={c.missing ? { content: { color: '#cf1322' } } : undefined}
          />
        </Space>
      )}
      <Table
        rowKey="enterpriseId"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={c?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Drawer
        open={shown !== null}
        onClose={() => setShown(null)}
        title="季度财务报表"
        size="min(560px, 100vw)"
      >
        {shown && <StatementDetail statement={shown} />}
      </Drawer>
    </>
  );
}

/** A bank's or an enterprise's view: the statements it may read; an enterprise submits its own. */
function StatementsView({ quarter, onForm }: { quarter: string; onForm: (t: FormTarget) => void }) {
  const { mayTake } = useViewerPermissions();
  const { data, loading, error } = useQuery(STATEMENTS_QUERY, { variables: { quarter } });
  const own = useQuery(OWN_ENTERPRISE_QUERY, { skip: !mayTake('financials.submit') });
  const me = own.data?.enterprises.edges[0]?.node;
  const statements = data?.financialStatements ?? [];
  // The latest version per enterprise is what a correction starts from.
  const mine = me ? (statements.find((s) => s.enterpriseId === me.id) ?? null) : null;
  return (
    <>
      {error && <ErrorAlert title="财务报表加载失败" error={error} />}
      {me && (
        <Space style={{ marginBottom: 16 }}>
          {mine ? (
            <Button onClick={() => onForm({ enterpriseId: me.id, enterpriseName: me.name, previous: mine })}>
              更正本季度报表
            </Button>
          ) : (
            <Button
              type="primary"
              onClick={() => onForm({ enterpriseId: me.id, enterpriseName: me.name, previous: null })}
            >
              报送本季度报表
            </Button>
          )}
        </Space>
      )}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={statementColumns}
        dataSource={statements}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/**
 * 企业财务报表 (Art 22): the offices, the manager and the auditor see the collection for a quarter;
 * the manager reminds and may enter a statement on an enterprise's behalf; an enterprise submits and
 * corrects its own; a bank reads those of the enterprises it lends to.
 */
export function FinancialsPage() {
  const { reads } = useViewerPermissions();
  const { clock } = useCaller();
  const quarters = useMemo(() => (clock ? endedQuarters(clock.businessDate) : []), [clock]);
  const [picked, setPicked] = useState<string | null>(null);
  const quarter = picked ?? quarters[0] ?? null;
  const [formTarget, setFormTarget] = useState<FormTarget | null>(null);
  // The collection (who is missing) is the programme's: the same readers as the operation reports.
  const programme = reads('FundReport');
  const article = usePolicy()?.provisions.find((p) => p.key === 'enterpriseFinancials')?.article;
  return (
    <Card
      title="企业季度财务报表"
      data-testid="financials-page"
      extra={
        <Select
          style={{ width: 140 }}
          value={quarter ?? undefined}
          options={quarters.map((q) => ({ value: q, label: q }))}
          onChange={(q: string) => setPicked(q)}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        依据管理办法{article ? formatArticle(article, currentLang()) : ''}
        ，资金管理人收集贷款企业季度财务报表及贷款资金使用情况，报送主管部门。
      </Typography.Paragraph>
      {quarter &&
        (programme ? (
          <CollectionView quarter={quarter} onForm={setFormTarget} />
        ) : (
          <StatementsView quarter={quarter} onForm={setFormTarget} />
        ))}
      {quarter && (
        <StatementModal target={formTarget} quarter={quarter} onClose={() => setFormTarget(null)} />
      )}
    </Card>
  );
}
