import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../app/viewer.graphql';
import { formatRate } from '../claims/policyText';
import type { BankRisk } from './risk.graphql';
import { ratioPercent } from './riskDisplay';
import { Chart } from '../../lib/Chart';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<string, string> = {
  NONE: '#52c41a',
  WARNING: '#fa8c16',
  SUSPENSION_PROPOSED: '#f5222d',
};

/**
 * Risk ratio ranking as bars, with the policy's warning and suspension lines (Art 12). Loaded on demand
 * (React.lazy), so echarts stays out of the pages that do not chart. The bar and line heights are
 * display only: the figures printed are the API's strings.
 */
export default function RiskChart({
  risks,
  policy,
}: {
  risks: BankRisk[];
  policy: Pick<Policy, 'warningRatio' | 'suspensionRatio'>;
}) {
  const { t } = useTranslation();
  const height = (ratio: string) => Number(ratioPercent(ratio).replace('%', ''));
  const percent = (r: BankRisk) => height(r.ratio);
  const line = (ratio: string, name: string, color: string) => ({
    yAxis: height(ratio),
    lineStyle: { color, type: 'dashed' },
    label: { formatter: `${name} ${formatRate(ratio)}` },
  });
  const option = {
    grid: { left: 48, right: 80, top: 24, bottom: 64 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const r = risks[params[0]?.dataIndex ?? 0];
        return r
          ? `${r.bank.name}<br/>${t('risk.monitor.chartRatio', { ratio: ratioPercent(r.ratio) })}`
          : '';
      },
    },
    xAxis: {
      type: 'category',
      data: risks.map((r) => r.bank.name),
      axisLabel: { interval: 0, width: 110, overflow: 'break' },
    },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: risks.map((r) => ({ value: percent(r), itemStyle: { color: COLORS[r.level] ?? '#1677ff' } })),
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => ratioPercent(risks[p.dataIndex].ratio),
        },
        markLine: {
          symbol: 'none',
          data: [
            line(policy.warningRatio.value, t('risk.monitor.chartWarning'), '#fa8c16'),
            line(policy.suspensionRatio.value, t('risk.monitor.chartSuspension'), '#f5222d'),
          ],
        },
      },
    ],
  };
  return <Chart echarts={echarts} option={option} style={{ height: 320 }} />;
}
