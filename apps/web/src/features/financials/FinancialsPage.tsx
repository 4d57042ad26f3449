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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatArticle } from '@ipfund/shared';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import { useLang } from '../../i18n';
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

/** The figures of a statement; each is labelled `financials.figure.<name>`. */
const FIGURES: {
  name: 'revenue' | 'netProfit' | 'totalAssets' | 'totalLiabilities' | 'rndSpending';
  signed?: boolean;
}[] = [
  { name: 'revenue' },
  { name: 'netProfit', signed: true },
  { name: 'totalAssets' },
  { name: 'totalLiabilities' },
  { name: 'rndSpending' },
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
  const { t } = useTranslation();
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
      message.success(previous ? t('financials.form.corrected') : t('financials.form.submitted'));
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal
      open={target !== null}
      title={t(previous ? 'financials.form.correctTitle' : 'financials.form.submitTitle', {
        enterprise: target?.enterpriseName ?? '',
        quarter,
      })}
      okText={previous ? t('financials.form.correct') : t('financials.form.submit')}
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
            label={t(`financials.figure.${f.name}`)}
            rules={[
              { required: true, message: t('financials.form.required') },
              {
                validator: (_, value: string | undefined) =>
                  !value || (AMOUNT.test(value.trim()) && (f.signed || !value.trim().startsWith('-')))
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          f.signed
                            ? t('financials.form.amountInvalid')
                            : t('financials.form.nonNegativeInvalid'),
                        ),
                      ),
              },
            ]}
          >
            <Input inputMode="decimal" placeholder={t('financials.form.amountPlaceholder')} />
          </Form.Item>
        ))}
        <Form.Item
          name="loanUse"
          label={t('financials.form.loanUse')}
          rules={[{ required: true, whitespace: true, message: t('financials.form.required') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {previous && (
          <Form.Item
            name="reason"
            label={t('financials.form.reason')}
            rules={[{ required: true, whitespace: true, message: t('financials.form.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function StatementDetail({ statement }: { statement: FinancialStatement }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('financials.detail.enterprise')}>
        {statement.enterpriseName}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.quarterVersion')}>
        {statement.quarter} · {t('financials.detail.version', { version: statement.version })}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.revenue')}>
        {formatYuan(statement.revenue)}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.netProfit')}>
        {formatYuan(statement.netProfit)}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.totalAssets')}>
        {formatYuan(statement.totalAssets)}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.totalLiabilities')}>
        {formatYuan(statement.totalLiabilities)}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.rndSpending')}>
        {formatYuan(statement.rndSpending)}
      </Descriptions.Item>
      <Descriptions.Item label={t('financials.detail.loanUse')}>{statement.loanUse}</Descriptions.Item>
      {statement.correctionReason && (
        <Descriptions.Item label={t('financials.detail.reason')}>
          {statement.correctionReason}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('financials.detail.submitted')}>
        {statement.submittedOn} {statement.submittedByName}
        {statement.submittedOrgKind === 'FUND_MANAGER' ? t('financials.detail.byManager') : ''}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The statements table's columns, titled in the current language. */
function statementColumns(t: TFunction): TableColumnsType<FinancialStatement> {
  return [
    { title: t('financials.columns.enterprise'), dataIndex: 'enterpriseName', fixed: 'left' },
    { title: t('financials.columns.quarter'), dataIndex: 'quarter' },
    {
      title: t('financials.columns.version'),
      render: (_, s) => t('financials.detail.version', { version: s.version }),
    },
    { title: t('financials.columns.revenue'), align: 'right', render: (_, s) => formatYuan(s.revenue) },
    { title: t('financials.columns.netProfit'), align: 'right', render: (_, s) => formatYuan(s.netProfit) },
    {
      title: t('financials.columns.totalAssets'),
      align: 'right',
      render: (_, s) => formatYuan(s.totalAssets),
    },
    {
      title: t('financials.columns.totalLiabilities'),
      align: 'right',
      render: (_, s) => formatYuan(s.totalLiabilities),
    },
    {
      title: t('financials.columns.rndSpending'),
      align: 'right',
      render: (_, s) => formatYuan(s.rndSpending),
    },
    { title: t('financials.columns.submittedOn'), dataIndex: 'submittedOn' },
    { title: t('financials.columns.reason'), render: (_, s) => s.correctionReason ?? '—' },
  ];
}

/** The programme's view: who owes a statement for the quarter, who gave it, reminders (Art 22). */
function CollectionView({ quarter, onForm }: { quarter: string; onForm: (t: FormTarget) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { mayTake } = useViewerPermissions();
  const { data, loading, error } = useQuery(COLLECTION_QUERY, { variables: { quarter } });
  const [remind, reminding] = useMutation(REMIND_STATEMENT, { refetchQueries: [COLLECTION_QUERY] });
  const [shown, setShown] = useState<FinancialStatement | null>(null);
  const c = data?.financialStatementCollection;
  const columns: TableColumnsType<CollectionRow> = [
    { title: t('financials.columns.enterprise'), dataIndex: 'enterpriseName', fixed: 'left' },
    { title: t('financials.columns.creditCode'), dataIndex: 'creditCode' },
    { title: t('financials.columns.loans'), dataIndex: 'loans' },
    {
      title: t('financials.columns.outstanding'),
      align: 'right',
      render: (_, r) => formatYuan(r.outstanding),
    },
    {
      title: t('financials.columns.status'),
      render: (_, r) =>
        r.statement ? (
          <Tag color="green">
            {t('financials.collection.submittedVersion', { version: r.statement.version })}
          </Tag>
        ) : (
          <Tag color="red">{t('financials.collection.notSubmitted')}</Tag>
        ),
    },
    {
      title: t('financials.columns.reminders'),
      render: (_, r) =>
        r.reminders
          ? t('financials.collection.reminders', { count: r.reminders, date: r.lastRemindedOn })
          : '—',
    },
    {
      title: t('financials.columns.actions'),
      fixed: 'right',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.statement && (
            <Button size="small" type="link" onClick={() => setShown(r.statement)}>
              {t('financials.collection.view')}
            </Button>
          )}
          {r.viewerCan.includes('financials.remind') && (
            <Button
              size="small"
              loading={reminding.loading}
              onClick={() =>
                void remind({ variables: { enterpriseId: r.enterpriseId, quarter } }).then(
                  () => message.success(t('financials.collection.reminded')),
                  (e: unknown) => message.error(errorText(e)),
                )
              }
            >
              {t('financials.collection.remind')}
            </Button>
          )}
          {!r.statement && mayTake('financials.submit') && (
            <Button
              size="small"
              onClick={() =>
                onForm({ enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, previous: null })
              }
            >
              {t('financials.collection.submitForEnterprise')}
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
              {t('financials.collection.correct')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      {error && <ErrorAlert title={t('financials.collection.loadFailed')} error={error} />}
      {c && (
        <Space size="large" style={{ marginBottom: 16 }}>
          <Statistic title={t('financials.collection.expected')} value={c.expected} />
          <Statistic title={t('financials.collection.submitted')} value={c.submitted} />
          <Statistic
            title={t('financials.collection.missing')}
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
        title={t('financials.detail.title')}
        size="min(560px, 100vw)"
      >
        {shown && <StatementDetail statement={shown} />}
      </Drawer>
    </>
  );
}

/** A bank's or an enterprise's view: the statements it may read; an enterprise submits its own. */
function StatementsView({ quarter, onForm }: { quarter: string; onForm: (t: FormTarget) => void }) {
  const { t } = useTranslation();
  const { mayTake } = useViewerPermissions();
  const { data, loading, error } = useQuery(STATEMENTS_QUERY, { variables: { quarter } });
  const own = useQuery(OWN_ENTERPRISE_QUERY, { skip: !mayTake('financials.submit') });
  const me = own.data?.enterprises.edges[0]?.node;
  const statements = data?.financialStatements ?? [];
  // The latest version per enterprise is what a correction starts from.
  const mine = me ? (statements.find((s) => s.enterpriseId === me.id) ?? null) : null;
  return (
    <>
      {error && <ErrorAlert title={t('financials.statements.loadFailed')} error={error} />}
      {me && (
        <Space style={{ marginBottom: 16 }}>
          {mine ? (
            <Button onClick={() => onForm({ enterpriseId: me.id, enterpriseName: me.name, previous: mine })}>
              {t('financials.statements.correctOwn')}
            </Button>
          ) : (
            <Button
              type="primary"
              onClick={() => onForm({ enterpriseId: me.id, enterpriseName: me.name, previous: null })}
            >
              {t('financials.statements.submitOwn')}
            </Button>
          )}
        </Space>
      )}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={statementColumns(t)}
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
  const { t } = useTranslation();
  const lang = useLang();
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
      title={t('financials.title')}
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
        {article
          ? t('financials.introWithArticle', { article: formatArticle(article, lang) })
          : t('financials.intro')}
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
