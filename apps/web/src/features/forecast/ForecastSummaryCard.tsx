import { useQuery } from '@apollo/client/react';
import { Card, Skeleton, Space, Statistic, Typography } from 'antd';
import { FORECAST_SUMMARY_QUERY } from './forecast.graphql';
import { percent } from './forecastDisplay';

/**
 * For the home dashboard (issue 13): the base case's probability that the breaker (Art 19) trips within
 * 12, 24 and 36 months, with the 90 % intervals, and a link to the full page. Place it only for callers
 * who read `FundForecast` (viewerPermissions.readable); the API refuses everyone else.
 */
export function ForecastSummaryCard({ paths = 500, seed = 20240407 }: { paths?: number; seed?: number }) {
  const { data, loading, error } = useQuery(FORECAST_SUMMARY_QUERY, {
    variables: { input: { horizonMonths: 36, paths, seed } },
  });
  const f = data?.fundForecast;
  return (
    <Card
      size="small"
      title="资金压力测试"
      extra={<a href="#/forecast">详情</a>}
      data-testid="forecast-summary-card"
    >
      {loading && !f && <Skeleton active paragraph={{ rows: 2 }} />}
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {f && (
        <>
          <Space size="large" wrap>
            {f.tripProbability.map((t) => (
              <Statistic
                key={t.withinMonths}
                title={`${t.withinMonths} 个月内熔断`}
                value={percent(t.probability)}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {percent(t.low)}–{percent(t.high)}
                  </Typography.Text>
                }
              />
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            截至 {f.asOf}，{f.paths} 条模拟路径；放大倍数{' '}
            {f.leverage === null ? '—' : `${f.leverage.toFixed(1)} 倍`}。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
