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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Lang } from '@ipfund/shared';
import type { Policy } from '../../app/viewer.graphql';
import { usePolicy } from '../../app/useViewer';
import { useLang } from '../../i18n';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ExportButton } from '../../lib/ExportButton';
import { formatWan } from '../../lib/money';
import {
  FUND_FORECAST_QUERY,
  type Contribution,
  type ForecastScenario,
  type ForecastSegment,
  type FundForecastInput,
  type RateEstimate,
} from './forecast.graphql';
import {
  assumptionLabel,
  scenarioLabel,
  percent,
  probabilityWithInterval,
  sampleSize,
  segmentLabel,
  simulatedArticles,
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
  if (l?.topUp) q.set('topUp', String(l.topUp));
  if (l?.defaultStress !== undefined && l?.defaultStress !== null)
    q.set('defaultStress', String(l.defaultStress));
  if (l?.bankGrowth?.[0]) {
    q.set('growthBankId', String(l.bankGrowth[0].bankId));
    q.set('growthPercent', String(l.bankGrowth[0].percent));
  }
  if (l?.suspendedBankIds?.length) q.set('suspendedBankIds', l.suspendedBankIds.join(','));
  if (l?.tierRate) {
    q.set('tier', l.tierRate.tier);
    q.set('tierRate', String(l.tierRate.rate));
  }
  return `/export/forecast.xlsx?${q.toString()}`;
}

const rateCell = (t: TFunction, r: RateEstimate) => (
  <span
    title={t('forecast.segments.rateTitle', {
      prior: percent(r.priorMean, 2),
      exposures: r.exposures,
      events: r.events,
    })}
  >
    {percent(r.estimate, 2)}{' '}
    <Typography.Text type="secondary">
      {t('forecast.segments.sampleSize', { n: sampleSize(r.effectiveSampleSize) })}
    </Typography.Text>
  </span>
);

function segmentColumns(t: TFunction, lang: Lang): TableColumnsType<ForecastSegment> {
  return [
    { title: t('forecast.contributions.bank'), dataIndex: 'bankName' },
    { title: t('forecast.contributions.kind'), render: (_, s) => segmentLabel(t, s) },
    { title: t('forecast.segments.loans'), dataIndex: 'loans', align: 'right' },
    {
      title: t('forecast.segments.principal'),
      align: 'right',
      render: (_, s) => formatMoney(s.outstandingPrincipal, lang),
    },
    { title: t('forecast.segments.toOverdue'), render: (_, s) => rateCell(t, s.toOverdue) },
    { title: t('forecast.segments.toClaim'), render: (_, s) => rateCell(t, s.toClaim) },
    { title: t('forecast.segments.cure'), render: (_, s) => rateCell(t, s.cure) },
  ];
}

function contributionColumns(t: TFunction, lang: Lang): TableColumnsType<Contribution> {
  return [
    { title: t('forecast.contributions.bank'), dataIndex: 'bankName' },
    { title: t('forecast.contributions.kind'), render: (_, c) => segmentLabel(t, c) },
    {
      title: t('forecast.contributions.expectedPayout'),
      align: 'right',
      render: (_, c) => formatMoney(c.expectedPayout, lang),
    },
    { title: t('forecast.contributions.share'), align: 'right', render: (_, c) => percent(c.share) },
  ];
}

/** The tier's threshold as its option names it: "500万" in Chinese, "¥5,000,000.00" in English. */
function tierAmount(policy: Policy | undefined, lang: Lang): string {
  const value = policy?.tierThreshold.value;
  if (!value) return '—';
  return lang === 'en' ? formatMoney(value, lang) : formatWan(value);
}

/**
 * 资金压力测试 (issue 13): the fund's forecast over the covered portfolio — when the breaker (Art 19)
 * may trip, the balance fan, payouts, leverage, the banks that contribute most — and the what-ifs side by
 * side with the base case. The API decides who may see it (the offices, the manager, the auditor).
 */
export function ForecastPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const policy = usePolicy();
  const money = (amount: string) => formatMoney(amount, lang);
  const articles = simulatedArticles(policy, lang);
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
    { title: t('forecast.scenarios.scenario'), render: (_, s) => scenarioLabel(t, s.key) },
    ...(f?.tripProbability ?? []).map((p, i) => ({
      title: t('forecast.tripWithin', { months: p.withinMonths }),
      render: (_: unknown, s: ForecastScenario) => probabilityWithInterval(t, s.tripProbability[i]),
    })),
    {
      title: t('forecast.scenarios.expectedPayout'),
      align: 'right' as const,
      render: (_, s) => money(s.expectedTotalPayout),
    },
    {
      title: t('forecast.scenarios.endBalance'),
      align: 'right' as const,
      render: (_, s) => money(s.balance[s.balance.length - 1].mean),
    },
    {
      title: t('forecast.scenarios.approved'),
      align: 'right' as const,
      render: (_, s) => s.expectedClaimsApproved.toFixed(1),
    },
    {
      title: t('forecast.scenarios.held'),
      align: 'right' as const,
      render: (_, s) => s.expectedClaimsHeld.toFixed(1),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="forecast-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('forecast.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('forecast.intro', {
          articles: articles ? t('forecast.articlesCite', { articles }) : '',
        })}
      </Typography.Paragraph>
      <Card size="small" title={t('forecast.levers.title')}>
        <Form
          form={form}
          layout="inline"
          initialValues={DEFAULTS}
          onFinish={(v) => setInput(inputOf(v))}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="horizonMonths" label={t('forecast.levers.horizon')}>
            <Select
              style={{ width: 110 }}
              options={[12, 24, 36].map((m) => ({
                value: m,
                label: t('forecast.levers.months', { months: m }),
              }))}
            />
          </Form.Item>
          <Form.Item name="paths" label={t('forecast.levers.paths')}>
            <InputNumber min={100} max={10000} step={500} precision={0} />
          </Form.Item>
          <Form.Item name="seed" label={t('forecast.levers.seed')}>
            <InputNumber min={0} max={4294967295} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="topUp" label={t('forecast.levers.topUp')}>
            <Input placeholder={t('forecast.levers.topUpPlaceholder')} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="defaultStress" label={t('forecast.levers.defaultStress')}>
            <InputNumber min={0} max={10} step={0.5} placeholder="1" />
          </Form.Item>
          <Form.Item name="growthBankId" label={t('forecast.levers.growthBank')}>
            <Select
              allowClear
              options={banks}
              style={{ width: 200 }}
              placeholder={t('forecast.levers.chooseBank')}
            />
          </Form.Item>
          <Form.Item name="growthPercent" label={t('forecast.levers.growthPercent')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="suspendedBankIds" label={t('forecast.levers.suspendedBanks')}>
            <Select
              mode="multiple"
              allowClear
              options={banks}
              style={{ minWidth: 200 }}
              placeholder={t('forecast.levers.chooseBank')}
            />
          </Form.Item>
          <Form.Item name="tier" label={t('forecast.levers.tier')}>
            <Select
              allowClear
              style={{ width: 150 }}
              options={[
                { value: 'LOW', label: t('forecast.levers.tierLow', { amount: tierAmount(policy, lang) }) },
                { value: 'HIGH', label: t('forecast.levers.tierHigh', { amount: tierAmount(policy, lang) }) },
              ]}
            />
          </Form.Item>
          <Form.Item name="tierRate" label={t('forecast.levers.tierRate')}>
            <Input placeholder={t('forecast.levers.tierRatePlaceholder')} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={loading} data-testid="forecast-run">
                {t('forecast.levers.run')}
              </Button>
              <ExportButton href={exportHref(input)} fallbackName={t('forecast.exportName')} />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {error && <ErrorAlert title={t('forecast.failed')} description={error.message} />}
      {loading && !f && <Spin />}
      {f && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('forecast.headline.trip', { months: f.headline.withinMonths })}
                  value={percent(f.headline.probability)}
                  data-testid="forecast-headline"
                />
                <Typography.Text type="secondary">
                  {t('forecast.interval', { low: percent(f.headline.low), high: percent(f.headline.high) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic title={t('forecast.headline.balance')} value={money(f.balance)} />
                <Typography.Text type="secondary">
                  {t('forecast.headline.breaker', { amount: money(f.breakerThreshold) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('forecast.headline.cumulative')}
                  value={money(f.cumulativeSinceResumption)}
                />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('forecast.headline.leverage')}
                  value={
                    f.leverage === null
                      ? t('forecast.none')
                      : t('forecast.times', { value: f.leverage.toFixed(1) })
                  }
                />
                <Typography.Text type="secondary">
                  {t('forecast.headline.covered', { amount: money(f.coveredPrincipal) })}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Suspense fallback={<Spin />}>
            <ForecastCharts forecast={f} />
          </Suspense>
          <Card size="small" title={t('forecast.scenarios.title')}>
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
              <Card size="small" title={t('forecast.contributions.banks')}>
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={contributionColumns(t, lang)}
                  dataSource={f.scenarios[0].topBanks}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('forecast.contributions.segments')}>
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={contributionColumns(t, lang)}
                  dataSource={f.scenarios[0].topSegments}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('forecast.segments.title')}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              columns={segmentColumns(t, lang)}
              dataSource={f.segments}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('forecast.segments.recovery', {
                probability: percent(f.recovery.estimate),
                exposures: f.recovery.exposures,
                events: f.recovery.events,
                n: sampleSize(f.recovery.effectiveSampleSize),
              })}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={t('forecast.assumptions.title')}>
            <Descriptions size="small" column={1} bordered>
              {f.assumptions.map((a) => (
                <Descriptions.Item key={a.key} label={assumptionLabel(t, a.key)}>
                  <strong>{a.value}</strong> — {a.source}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <Alert
            type="info"
            showIcon
            title={t('forecast.footer.title', { asOf: f.asOf, loans: f.loans, paths: f.paths, seed: f.seed })}
            description={t('forecast.footer.description')}
          />
        </>
      )}
    </Space>
  );
}
