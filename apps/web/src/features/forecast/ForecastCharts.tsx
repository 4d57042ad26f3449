import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Row } from 'antd';
import { formatYuan } from '../../lib/money';
import type { FundForecast, ForecastScenario } from './forecast.graphql';
import { SCENARIO_LABELS, percent, wanHeight } from './forecastDisplay';

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
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
  </div>
);

const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2', '#f5222d'];

/**
 * The balance fan: the principal account's balance month by month, the 5–95 % band shaded (the lower
 * edge stacked with the band's width), the median dashed and the mean solid. Heights in 万元 for the
 * axis only; the tooltip prints the API's amounts.
 */
function balanceFan(s: ForecastScenario) {
  const dates = s.balance.map((b) => b.date);
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    legend: { data: ['5%–95% 区间', '中位数', '期望'], top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const b = s.balance[params[0]?.dataIndex ?? 0];
        return b
          ? `${b.date}<br/>期望 ${formatYuan(b.mean)}<br/>中位数 ${formatYuan(b.p50)}<br/>5% 分位 ${formatYuan(b.p5)}<br/>95% 分位 ${formatYuan(b.p95)}`
          : '';
      },
    },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', name: '万元', scale: true },
    series: [
      {
        name: '5% 下沿',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: s.balance.map((b) => wanHeight(b.p5)),
      },
      {
        name: '5%–95% 区间',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(22,119,255,0.18)' },
        data: s.balance.map((b) => wanHeight(b.p95) - wanHeight(b.p5)),
      },
      {
        name: '中位数',
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#1677ff' },
        data: s.balance.map((b) => wanHeight(b.p50)),
      },
      {
        name: '期望',
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 2, color: '#0958d9' },
        data: s.balance.map((b) => wanHeight(b.mean)),
      },
    ],
  };
}

/** P(tripped by month m) for every scenario, so the levers read against the base case. */
function tripCurves(f: FundForecast) {
  const months = f.scenarios[0].tripCurve.map((_, m) => m);
  return {
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, data: f.scenarios.map((s) => SCENARIO_LABELS[s.key] ?? s.key) },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
    xAxis: { type: 'category', data: months, name: '月', boundaryGap: false },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: f.scenarios.map((s, i) => ({
      name: SCENARIO_LABELS[s.key] ?? s.key,
      type: 'line',
      symbol: 'none',
      lineStyle: { width: s.key === 'BASE' ? 3 : 1.5, color: PALETTE[i % PALETTE.length] },
      data: s.tripCurve.map((p) => Math.round(p * 1000) / 10),
    })),
  };
}

/** Compensation paid per quarter: the mean as bars, the 5–95 % band as a shaded range. */
function payouts(s: ForecastScenario) {
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, data: ['期望', '5%–95% 区间'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = s.payouts[params[0]?.dataIndex ?? 0];
        return p
          ? `第 ${p.quarter} 季度<br/>期望 ${formatYuan(p.mean)}<br/>5%–95% ${formatYuan(p.p5)} – ${formatYuan(p.p95)}`
          : '';
      },
    },
    xAxis: { type: 'category', data: s.payouts.map((p) => `Q${p.quarter}`) },
    yAxis: { type: 'value', name: '万元' },
    series: [
      { name: '期望', type: 'bar', barMaxWidth: 28, data: s.payouts.map((p) => wanHeight(p.mean)) },
      {
        name: '5% 下沿',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: s.payouts.map((p) => wanHeight(p.p5)),
      },
      {
        name: '5%–95% 区间',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(250,140,22,0.2)' },
        data: s.payouts.map((p) => wanHeight(p.p95) - wanHeight(p.p5)),
      },
    ],
  };
}

/** P(trip within the horizon) of each scenario with its interval: the levers side by side. */
function leverBars(f: FundForecast) {
  const at = (s: ForecastScenario) =>
    s.tripProbability.find((t) => t.withinMonths === f.horizonMonths) ?? s.tripProbability[0];
  return {
    grid: { left: 56, right: 24, top: 24, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const s = f.scenarios[params[0]?.dataIndex ?? 0];
        const t = s && at(s);
        return t
          ? `${SCENARIO_LABELS[s.key] ?? s.key}<br/>${f.horizonMonths} 个月内熔断 ${percent(t.probability)}<br/>90% 区间 ${percent(t.low)}–${percent(t.high)}<br/>预计补偿 ${formatYuan(s.expectedTotalPayout)}`
          : '';
      },
    },
    xAxis: {
      type: 'category',
      data: f.scenarios.map((s) => SCENARIO_LABELS[s.key] ?? s.key),
      axisLabel: { interval: 0, width: 90, overflow: 'break' },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
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
  };
}

/** Every chart of the forecast page, loaded on demand (React.lazy) so echarts stays out of other pages. */
export default function ForecastCharts({ forecast }: { forecast: FundForecast }) {
  const base = forecast.scenarios[0];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title="资金余额扇形图（基准情景）" size="small">
          {chart(balanceFan(base), 320, 'forecast-fan')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="熔断触发概率（累计，按月）" size="small">
          {chart(tripCurves(forecast), 320, 'forecast-trip-curve')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="各情景对比：期内触发熔断概率" size="small">
          {chart(leverBars(forecast), 300, 'forecast-levers')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="季度补偿支出（基准情景）" size="small">
          {chart(payouts(base), 300, 'forecast-payouts')}
        </Card>
      </Col>
    </Row>
  );
}
