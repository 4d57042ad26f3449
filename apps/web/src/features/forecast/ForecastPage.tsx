import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ExportButton } from '../../lib/ExportButton';
import { formatYuan } from '../../lib/money';
import {
  FUND_FORECAST_QUERY,
  type Contribution,
  type ForecastScenario,
  type ForecastSegment,
  type FundForecastInput,
} from './forecast.graphql';
import {
  ASSUMPTION_LABELS,
  SCENARIO_LABELS,
  percent,
  probabilityWithInterval,
  sampleSize,
  segmentLabel,
} from './forecastDisplay';

// echarts is large: loaded with the charts only.
const ForecastCharts = lazy(() => import('./ForecastCharts'));

interface FormValues {
  horizonMonths: number;
  paths: number;
  seed: number;
  topUp?: string;
  defaultStress?: number | null;
  growthBankId?: string;
  growthPercent?: number | null;
  suspendedBankIds?: string[];
  tier?: 'LOW' | 'HIGH';
  tierRate?: string;
}

const DEFAULTS: FormValues = { horizonMonths: 36, paths: 1000, seed: 20240407 };

/** The form's values as the query's input: a lever is sent only when it is filled in. */
export function inputOf(v: FormValues): FundForecastInput {
  const levers: NonNullable<FundForecastInput['levers']> = {};
  if (v.topUp?.trim()) levers.topUp = v.topUp.trim();
  if (v.defaultStress !== undefined && v.defaultStress !== null && v.defaultStress !== 1)
    levers.defaultStress = v.defaultStress;
  if (v.growthBankId && v.growthPercent)
    levers.bankGrowth = [{ bankId: v.growthBankId, percent: v.growthPercent }];
  if (v.suspendedBankIds?.length) levers.suspendedBankIds = v.suspendedBankIds;
  if (v.tier && v.tierRate?.trim()) levers.tierRate = { tier: v.tier, rate: v.tierRate.trim() };
  return {
    horizonMonths: v.horizonMonths,
    paths: v.paths,
    seed: v.seed,
    levers: Object.keys(levers).length ? levers : null,
  };
}

/** The same input as the export's query string. */
export function exportHref(input: FundForecastInput): string {
  const q = new URLSearchParams({
    horizonMonths: String(input.horizonMonths),
    paths: String(input.paths),
    seed: String(input.seed),
  });
  const l = input.levers;
  if (l?.topUp) q.set('topUp', l.topUp);
  if (l?.defaultStress !== undefined && l?.defaultStress !== null)
    q.set('defaultStress', String(l.defaultStress));
  if (l?.bankGrowth?.[0]) {
    q.set('growthBankId', l.bankGrowth[0].bankId);
    q.set('growthPercent', String(l.bankGrowth[0].percent));
  }
  if (l?.suspendedBankIds?.length) q.set('suspendedBankIds', l.suspendedBankIds.join(','));
  if (l?.tierRate) {
    q.set('tier', l.tierRate.tier);
    q.set('tierRate', l.tierRate.rate);
  }
  return `/export/forecast.xlsx?${q.toString()}`;
}

const rateCell = (r: ForecastSegment['toOverdue']) => (
  <span title={`先验均值 ${percent(r.priorMean, 2)}；观测 ${r.exposures} 个贷款月，其中 ${r.events} 次`}>
    {percent(r.estimate, 2)}{' '}
    <Typography.Text type="secondary">（n={sampleSize(r.effectiveSampleSize)}）</Typography.Text>
  </span>
);

const SEGMENT_COLUMNS: TableColumnsType<ForecastSegment> = [
  { title: '银行', dataIndex: 'bankName' },
  { title: '贷款类型', render: (_, s) => segmentLabel(s) },
  { title: '在贷笔数', dataIndex: 'loans', align: 'right' },
  { title: '在贷本金', align: 'right', render: (_, s) => formatYuan(s.outstandingPrincipal) },
  { title: '正常→逾期15天（月）', render: (_, s) => rateCell(s.toOverdue) },
  { title: '逾期15天→60天（月）', render: (_, s) => rateCell(s.toClaim) },
  { title: '逾期15天→结清（月）', render: (_, s) => rateCell(s.cure) },
];

const CONTRIBUTION_COLUMNS: TableColumnsType<Contribution> = [
  { title: '银行', dataIndex: 'bankName' },
  { title: '贷款类型', render: (_, c) => segmentLabel(c) },
  { title: '预计补偿', align: 'right', render: (_, c) => formatYuan(c.expectedPayout) },
  { title: '占比', align: 'right', render: (_, c) => percent(c.share) },
];

/**
 * 资金压力测试 (issue 13): the fund's forecast over the covered portfolio — when the breaker (Art 19)
 * may trip, the balance fan, payouts, leverage, the banks that contribute most — and the what-ifs side by
 * side with the base case. The API decides who may see it (the offices, the manager, the auditor).
 */
export function ForecastPage() {
  const [form] = Form.useForm<FormValues>();
  const [input, setInput] = useState<FundForecastInput>(inputOf(DEFAULTS));
  const { data, loading, error } = useQuery(FUND_FORECAST_QUERY, {
    variables: { input },
    fetchPolicy: 'network-only',
  });
  const f = data?.fundForecast;
  const banks = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of f?.segments ?? []) seen.set(s.bankId, s.bankName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [f]);

  const scenarioColumns: TableColumnsType<ForecastScenario> = [
    { title: '情景', render: (_, s) => SCENARIO_LABELS[s.key] ?? s.key },
    ...(f?.tripProbability ?? []).map((t, i) => ({
      title: `${t.withinMonths} 个月内熔断`,
      render: (_: unknown, s: ForecastScenario) => probabilityWithInterval(s.tripProbability[i]),
    })),
    { title: '预计补偿总额', align: 'right' as const, render: (_, s) => formatYuan(s.expectedTotalPayout) },
    {
      title: '期末余额（期望）',
      align: 'right' as const,
      render: (_, s) => formatYuan(s.balance[s.balance.length - 1].mean),
    },
    { title: '预计批准笔数', align: 'right' as const, render: (_, s) => s.expectedClaimsApproved.toFixed(1) },
    { title: '熔断暂停笔数', align: 'right' as const, render: (_, s) => s.expectedClaimsHeld.toFixed(1) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="forecast-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        资金压力测试
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        以在保贷款和历史状态报告估计各类贷款的逐月迁移概率，按《办法》第十一、十四、十七、十九条的补偿规则模拟未来各月的代偿、熔断与资金余额。同一随机种子得到同一结果。
      </Typography.Paragraph>
      <Card size="small" title="参数与情景假设">
        <Form
          form={form}
          layout="inline"
          initialValues={DEFAULTS}
          onFinish={(v) => setInput(inputOf(v))}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="horizonMonths" label="期限">
            <Select
              style={{ width: 110 }}
              options={[12, 24, 36].map((m) => ({ value: m, label: `${m} 个月` }))}
            />
          </Form.Item>
          <Form.Item name="paths" label="路径数">
            <InputNumber min={100} max={10000} step={500} precision={0} />
          </Form.Item>
          <Form.Item name="seed" label="随机种子">
            <InputNumber min={0} max={4294967295} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="topUp" label="补充资金（元）">
            <Input placeholder="如 5000000.00" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="defaultStress" label="违约率倍数">
            <InputNumber min={0} max={10} step={0.5} placeholder="1" />
          </Form.Item>
          <Form.Item name="growthBankId" label="贷款增长银行">
            <Select allowClear options={banks} style={{ width: 200 }} placeholder="选择银行" />
          </Form.Item>
          <Form.Item name="growthPercent" label="增长 %">
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="suspendedBankIds" label="暂停银行">
            <Select
              mode="multiple"
              allowClear
              options={banks}
              style={{ minWidth: 200 }}
              placeholder="选择银行"
            />
          </Form.Item>
          <Form.Item name="tier" label="补偿比例档">
            <Select
              allowClear
              style={{ width: 150 }}
              options={[
                { value: 'LOW', label: '500万以下档' },
                { value: 'HIGH', label: '500万及以上档' },
              ]}
            />
          </Form.Item>
          <Form.Item name="tierRate" label="调整为">
            <Input placeholder="如 0.25" style={{ width: 90 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={loading} data-testid="forecast-run">
                运行模拟
              </Button>
              <ExportButton href={exportHref(input)} fallbackName="资金压力测试.xlsx" />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {error && <ErrorAlert title="模拟未能完成" description={error.message} />}
      {loading && !f && <Spin />}
      {f && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={`${f.headline.withinMonths} 个月内触发熔断概率`}
                  value={percent(f.headline.probability)}
                  data-testid="forecast-headline"
                />
                <Typography.Text type="secondary">
                  90% 区间 {percent(f.headline.low)}–{percent(f.headline.high)}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic title="专户本金余额" value={formatYuan(f.balance)} />
                <Typography.Text type="secondary">熔断线 {formatYuan(f.breakerThreshold)}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic title="自上次恢复以来累计补偿" value={formatYuan(f.cumulativeSinceResumption)} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title="放大倍数（在保本金 ÷ 资金）"
                  value={f.leverage === null ? '—' : `${f.leverage.toFixed(1)} 倍`}
                />
                <Typography.Text type="secondary">在保本金 {formatYuan(f.coveredPrincipal)}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Suspense fallback={<Spin />}>
            <ForecastCharts forecast={f} />
          </Suspense>
          <Card size="small" title="情景对比（每个假设单独与基准情景并列）">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              columns={scenarioColumns}
              dataSource={f.scenarios}
              data-testid="forecast-scenarios"
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title="风险贡献最大的银行（基准情景）">
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={CONTRIBUTION_COLUMNS}
                  dataSource={f.scenarios[0].topBanks}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="风险贡献最大的贷款类别（基准情景）">
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={CONTRIBUTION_COLUMNS}
                  dataSource={f.scenarios[0].topSegments}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="迁移概率估计（括号内为有效样本量）">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              columns={SEGMENT_COLUMNS}
              dataSource={f.segments}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              追偿成功概率 {percent(f.recovery.estimate)}（已代偿 {f.recovery.exposures} 笔，其中{' '}
              {f.recovery.events} 笔有追偿；有效样本量 {sampleSize(f.recovery.effectiveSampleSize)}）。估计值
              = （先验 α + 观测次数）÷（α + β + 观测月数），历史少的类别更接近先验。
            </Typography.Paragraph>
          </Card>
          <Card size="small" title="模型假设（不在《办法》中的数字及其来源）">
            <Descriptions size="small" column={1} bordered>
              {f.assumptions.map((a) => (
                <Descriptions.Item key={a.key} label={ASSUMPTION_LABELS[a.key] ?? a.key}>
                  <strong>{a.value}</strong> — {a.source}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <Alert
            type="info"
            showIcon
            title={`截至 ${f.asOf}，${f.loans} 笔在保贷款，${f.paths} 条路径，种子 ${f.seed}。`}
            description="扇形图阴影为 5%–95% 区间：九成的模拟路径落在其中；虚线为中位数，实线为期望。熔断概率的区间同时计入迁移概率的估计误差和模拟误差。"
          />
        </>
      )}
    </Space>
  );
}
