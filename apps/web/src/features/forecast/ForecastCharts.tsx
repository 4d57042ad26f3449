import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Row } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Lang } from '@ipfund/shared';
import { useLang } from '../../i18n';
import type { FundForecast, ForecastScenario } from './forecast.graphql';
import { percent, scenarioLabel, wanHeight } from './forecastDisplay';
import { Chart } from '../../lib/Chart';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const chart = (option: object, height = 300, testId?: string) => (
  <div data-testid={testId}>
    <Chart echarts={echarts} option={option} style={{ height, width: '100%' }} />
  </div>
);

const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2', '#f5222d'];

/** What every chart here needs to write its words and amounts in the chosen language. */
interface Texts {
  t: TFunction;
  money: (amount: string) => string;
}

/** The index of the hovered category, for tooltips that print the API's amounts rather than heights. */
type AxisParams = { dataIndex: number }[];
const hovered = (params: AxisParams) => params[0]?.dataIndex ?? 0;

/**
 * The skeleton every chart here shares: a category x axis, a value y axis, an axis tooltip, an optional
 * legend along the top, and the grid's margins (left for the axis labels, bottom for long categories).
 */
function axisChart({
  left = 56,
  top = 40,
  bottom = 40,
  legend,
  tooltip,
  xAxis,
  yAxis,
  series,
}: {
  left?: number;
  top?: number;
  bottom?: number;
  legend?: string[];
  tooltip: object;
  xAxis: object;
  yAxis: object;
  series: object[];
}) {
  return {
    grid: { left, right: 24, top, bottom },
    ...(legend ? { legend: { top: 0, data: legend } } : {}),
    tooltip: { trigger: 'axis', ...tooltip },
    xAxis: { type: 'category', ...xAxis },
    yAxis: { type: 'value', ...yAxis },
    series,
  };
}

/** A y axis of percentages from 0 to 100. */
const PERCENT_AXIS = { max: 100, axisLabel: { formatter: '{value}%' } };

/**
 * The 5–95 % band as two stacked lines: the lower edge (invisible) and the band's width on top of it
 * (shaded), so the shade lies between the two quantiles. Heights in 万元.
 */
function band(t: TFunction, lows: string[], highs: string[], color: string): object[] {
  const hidden = { type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 } };
  return [
    { ...hidden, name: t('forecast.charts.lowerEdge'), data: lows.map(wanHeight) },
    {
      ...hidden,
      name: t('forecast.charts.band'),
      areaStyle: { color },
      data: highs.map((h, i) => wanHeight(h) - wanHeight(lows[i])),
    },
  ];
}

/**
 * The balance fan: the principal account's balance month by month, the 5–95 % band shaded, the median
 * dashed and the mean solid. Heights in 万元 for the axis only; the tooltip prints the API's amounts.
 */
function balanceFan({ t, money }: Texts, s: ForecastScenario) {
  const line = (name: string, value: string) => t('forecast.charts.line', { name, value: money(value) });
  return axisChart({
    left: 64,
    legend: [t('forecast.charts.band'), t('forecast.charts.median'), t('forecast.charts.mean')],
    tooltip: {
      formatter: (params: AxisParams) => {
        const b = s.balance[hovered(params)];
        return b
          ? [
              b.date,
              line(t('forecast.charts.mean'), b.mean),
              line(t('forecast.charts.median'), b.p50),
              line(t('forecast.charts.p5'), b.p5),
              line(t('forecast.charts.p95'), b.p95),
            ].join('<br/>')
          : '';
      },
    },
    xAxis: { data: s.balance.map((b) => b.date), boundaryGap: false },
    yAxis: { name: t('forecast.charts.wan'), scale: true },
    series: [
      ...band(
        t,
        s.balance.map((b) => b.p5),
        s.balance.map((b) => b.p95),
        'rgba(22,119,255,0.18)',
      ),
      {
        name: t('forecast.charts.median'),
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#1677ff' },
        data: s.balance.map((b) => wanHeight(b.p50)),
      },
      {
        name: t('forecast.charts.mean'),
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 2, color: '#0958d9' },
        data: s.balance.map((b) => wanHeight(b.mean)),
      },
    ],
  });
}

/** P(tripped by month m) for every scenario, so the levers read against the base case. */
function tripCurves({ t }: Texts, f: FundForecast) {
  const months = f.scenarios[0].tripCurve.map((_, m) => m);
  return axisChart({
    legend: f.scenarios.map((s) => scenarioLabel(t, s.key)),
    tooltip: { valueFormatter: (v: number) => `${v.toFixed(1)}%` },
    xAxis: { data: months, name: t('forecast.charts.month'), boundaryGap: false },
    yAxis: PERCENT_AXIS,
    series: f.scenarios.map((s, i) => ({
      name: scenarioLabel(t, s.key),
      type: 'line',
      symbol: 'none',
      lineStyle: { width: s.key === 'BASE' ? 3 : 1.5, color: PALETTE[i % PALETTE.length] },
      data: s.tripCurve.map((p) => Math.round(p * 1000) / 10),
    })),
  });
}

/** Compensation paid per quarter: the mean as bars, the 5–95 % band as a shaded range. */
function payouts({ t, money }: Texts, s: ForecastScenario) {
  return axisChart({
    left: 64,
    legend: [t('forecast.charts.mean'), t('forecast.charts.band')],
    tooltip: {
      formatter: (params: AxisParams) => {
        const p = s.payouts[hovered(params)];
        return p
          ? [
              t('forecast.charts.quarter', { quarter: p.quarter }),
              t('forecast.charts.line', { name: t('forecast.charts.mean'), value: money(p.mean) }),
              t('forecast.charts.bandRange', { low: money(p.p5), high: money(p.p95) }),
            ].join('<br/>')
          : '';
      },
    },
    xAxis: { data: s.payouts.map((p) => `Q${p.quarter}`) },
    yAxis: { name: t('forecast.charts.wan') },
    series: [
      {
        name: t('forecast.charts.mean'),
        type: 'bar',
        barMaxWidth: 28,
        data: s.payouts.map((p) => wanHeight(p.mean)),
      },
      ...band(
        t,
        s.payouts.map((p) => p.p5),
        s.payouts.map((p) => p.p95),
        'rgba(250,140,22,0.2)',
      ),
    ],
  });
}

/** P(trip within the horizon) of each scenario with its interval: the levers side by side. */
function leverBars({ t, money }: Texts, f: FundForecast) {
  const at = (s: ForecastScenario) =>
    s.tripProbability.find((p) => p.withinMonths === f.horizonMonths) ?? s.tripProbability[0];
  return axisChart({
    top: 24,
    bottom: 56,
    tooltip: {
      formatter: (params: AxisParams) => {
        const s = f.scenarios[hovered(params)];
        const p = s && at(s);
        return p
          ? [
              scenarioLabel(t, s.key),
              t('forecast.charts.tripWithin', { months: f.horizonMonths, value: percent(p.probability) }),
              t('forecast.interval', { low: percent(p.low), high: percent(p.high) }),
              t('forecast.charts.expectedPayout', { amount: money(s.expectedTotalPayout) }),
            ].join('<br/>')
          : '';
      },
    },
    xAxis: {
      data: f.scenarios.map((s) => scenarioLabel(t, s.key)),
      axisLabel: { interval: 0, width: 90, overflow: 'break' },
    },
    yAxis: PERCENT_AXIS,
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: f.scenarios.map((s, i) => ({
          value: Math.round(at(s).probability * 1000) / 10,
          itemStyle: { color: PALETTE[i % PALETTE.length] },
        })),
        label: { show: true, position: 'top', formatter: (p: { value: number }) => `${p.value}%` },
      },
    ],
  });
}

/** Every chart of the forecast page, loaded on demand (React.lazy) so echarts stays out of other pages. */
export default function ForecastCharts({ forecast }: { forecast: FundForecast }) {
  const { t } = useTranslation();
  const lang: Lang = useLang();
  const texts: Texts = { t, money: (amount) => formatMoney(amount, lang) };
  const base = forecast.scenarios[0];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('forecast.charts.fan')} size="small">
          {chart(balanceFan(texts, base), 320, 'forecast-fan')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('forecast.charts.tripCurve')} size="small">
          {chart(tripCurves(texts, forecast), 320, 'forecast-trip-curve')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('forecast.charts.levers')} size="small">
          {chart(leverBars(texts, forecast), 300, 'forecast-levers')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('forecast.charts.payouts')} size="small">
          {chart(payouts(texts, base), 300, 'forecast-payouts')}
        </Card>
      </Col>
    </Row>
  );
}
