import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../lib/money';
import { claimStatusLabel } from '../claims/claimLabels';
import { formatRate } from '../claims/policyText';
import { ratioPercent } from '../risk/riskDisplay';
import type { BankRiskSeries, QuarterFigures, StatusFigure } from './home.graphql';
import { monthLabel, quarterAxisLabel, quarterLabel, ratioToPercent, yuanToWan } from './homeDisplay';
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

/**
 * The home page's charts, in one module loaded on demand (React.lazy) so echarts stays out of the
 * pages that do not chart. Heights are display only; labels and tooltips print the API's strings.
 */

const chart = (option: object, height = 280) => (
  <Chart echarts={echarts} option={option} style={{ height, width: '100%' }} />
);

const dashed = (percent: number, name: string, color: string) => ({
  yAxis: percent,
  lineStyle: { color, type: 'dashed' },
  label: { formatter: name, position: 'insideEndTop' },
});

/** Each bank's risk ratio over the last year against the warning and suspension lines (Art 12). */
export function RiskHistoryChart({
  series,
  warningRatio,
  suspensionRatio,
}: {
  series: BankRiskSeries[];
  warningRatio: string;
  suspensionRatio: string;
}) {
  const { t } = useTranslation();
  const dates = series[0]?.points.map((p) => p.asOf) ?? [];
  const top = Math.max(
    ratioToPercent(suspensionRatio) + 2,
    ...series.flatMap((s) => s.points.map((p) => ratioToPercent(p.ratio) + 1)),
  );
  return chart({
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number; seriesIndex: number; marker: string }[]) => {
        const i = params[0]?.dataIndex ?? 0;
        return [
          dates[i],
          ...params.map((p) => {
            const s = series[p.seriesIndex];
            return s ? `${p.marker}${s.bank.name} ${ratioPercent(s.points[i].ratio)}` : '';
          }),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: dates.map(monthLabel) },
    yAxis: { type: 'value', max: Math.ceil(top), axisLabel: { formatter: '{value}%' } },
    series: series.map((s, index) => ({
      type: 'line',
      name: s.bank.name,
      smooth: false,
      data: s.points.map((p) => ratioToPercent(p.ratio)),
      ...(index === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              data: [
                dashed(
                  ratioToPercent(warningRatio),
                  t('home.charts.warning', { rate: formatRate(warningRatio) }),
                  '#fa8c16',
                ),
                dashed(
                  ratioToPercent(suspensionRatio),
                  t('home.charts.suspension', { rate: formatRate(suspensionRatio) }),
                  '#f5222d',
                ),
              ],
            },
          }
        : {}),
    })),
  });
}

/** Claims per status in workflow order: how many, and Σ F on hover. */
export function ClaimsPipelineChart({ figures }: { figures: StatusFigure[] }) {
  const { t } = useTranslation();
  return chart(
    {
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const f = figures[params[0]?.dataIndex ?? 0];
          return f
            ? [
                t('home.charts.pipelineCount', { status: claimStatusLabel(f.status), n: f.count }),
                t('home.charts.pipelineAmount', { amount: formatYuan(f.amount) }),
              ].join('<br/>')
            : '';
        },
      },
      xAxis: {
        type: 'category',
        data: figures.map((f) => claimStatusLabel(f.status)),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: figures.map((f) => f.count),
          label: { show: true, position: 'top' },
          itemStyle: { color: '#1677ff' },
        },
      ],
    },
    240,
  );
}

/**
 * Per quarter: principal issued (bars) and, where the caller sees the programme, cumulative
 * compensation against the circuit breaker (R7, Art 19).
 */
export function QuarterTrendChart({
  quarters,
  breaker,
}: {
  quarters: QuarterFigures[];
  /** The circuit breaker's amount; null hides the cumulative line (a tenant sees only its own claims). */
  breaker: string | null;
}) {
  const { t } = useTranslation();
  const series: object[] = [
    {
      type: 'bar',
      name: t('home.charts.issued'),
      barMaxWidth: 32,
      data: quarters.map((q) => yuanToWan(q.principalIssued)),
    },
    {
      type: 'bar',
      name: t('home.charts.approved'),
      barMaxWidth: 32,
      data: quarters.map((q) => yuanToWan(q.compensationApproved)),
    },
  ];
  if (breaker !== null) {
    series.push({
      type: 'line',
      name: t('home.charts.cumulative'),
      data: quarters.map((q) => yuanToWan(q.cumulativeCompensation)),
      markLine: {
        symbol: 'none',
        silent: true,
        data: [
          dashed(yuanToWan(breaker), t('home.charts.breaker', { amount: formatYuan(breaker) }), '#f5222d'),
        ],
      },
    });
  }
  return chart({
    grid: { left: 56, right: 16, top: 40, bottom: 28 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const q = quarters[params[0]?.dataIndex ?? 0];
        if (!q) return '';
        return [
          quarterLabel(q.quarter),
          t('home.charts.tipIssued', { n: q.loansIssued, amount: formatYuan(q.principalIssued) }),
          t('home.charts.tipClaims', { n: q.claimsFiled }),
          t('home.charts.tipApproved', { amount: formatYuan(q.compensationApproved) }),
          t('home.charts.tipPaid', { amount: formatYuan(q.compensationPaid) }),
          ...(breaker !== null
            ? [t('home.charts.tipCumulative', { amount: formatYuan(q.cumulativeCompensation) })]
            : []),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: quarters.map((q) => q.quarter),
      axisLabel: { formatter: (quarter: string) => quarterAxisLabel(quarter) },
    },
    yAxis: { type: 'value', axisLabel: { formatter: t('home.charts.axisWan') } },
    series,
  });
}
