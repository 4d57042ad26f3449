import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BankRisk } from './risk.graphql';
import { ratioPercent } from './riskDisplay';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<string, string> = {
  NONE: '#52c41a',
  WARNING: '#fa8c16',
  SUSPENSION_PROPOSED: '#f5222d',
};

/**
 * Risk ratio ranking as bars, with the 5 % and 8 % lines (Art 12). Loaded on demand (React.lazy),
 * so echarts stays out of the pages that do not chart. The bar heights are display only: the figure
 * printed is the API's string.
 */
export default function RiskChart({ risks }: { risks: BankRisk[] }) {
  const percent = (r: BankRisk) => Number(ratioPercent(r.ratio).replace('%', ''));
  const option = {
    grid: { left: 48, right: 80, top: 24, bottom: 64 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const r = risks[params[0]?.dataIndex ?? 0];
        return r ? `${r.bank.name}<br/>风险比例 ${ratioPercent(r.ratio)}` : '';
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
            { yAxis: 5, lineStyle: { color: '#fa8c16', type: 'dashed' }, label: { formatter: '预警 5%' } },
            { yAxis: 8, lineStyle: { color: '#f5222d', type: 'dashed' }, label: { formatter: '中止 8%' } },
          ],
        },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320 }} />;
}
