import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useReducedMotion } from './motion';

interface ChartProps {
  /** The caller's echarts core, with only the charts and components it registered (keeps bundles small). */
  echarts: unknown;
  option: object;
  style?: CSSProperties;
}

/** An ECharts chart that does not animate when the user asked for reduced motion. */
export function Chart({ echarts, option, style }: ChartProps) {
  const reduced = useReducedMotion();
  const shown = useMemo(() => (reduced ? { ...option, animation: false } : option), [option, reduced]);
  return <ReactEChartsCore echarts={echarts} option={shown} notMerge style={style} />;
}
