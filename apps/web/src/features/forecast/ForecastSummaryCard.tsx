import { useQuery } from '@apollo/client/react';
import { Card, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FORECAST_SUMMARY_QUERY } from './forecast.graphql';
import { percent } from './forecastDisplay';

/**
 * For the home dashboard (issue 13): the base case's probability that the breaker (Art 19) trips within
 * 12, 24 and 36 months, with the 90 % intervals, and a link to the full page. Place it only for callers
 * who read `FundForecast` (viewerPermissions.readable); the API refuses everyone else.
 */
export function ForecastSummaryCard({ paths = 500, seed = 20240407 }: { paths?: number; seed?: number }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(FORECAST_SUMMARY_QUERY, {
    variables: { input: { horizonMonths: 36, paths, seed } },
  });
  const f = data?.fundForecast;
  return (
    <Card
      size="small"
      title={t('forecast.summary.title')}
      extra={<a href="#/forecast">{t('forecast.summary.details')}</a>}
      data-testid="forecast-summary-card"
    >
      {loading && !f && <Skeleton active paragraph={{ rows: 2 }} />}
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {f && (
        <>
          <Space size="large" wrap>
            {f.tripProbability.map((p) => (
              <Statistic
                key={p.withinMonths}
                title={t('forecast.tripWithin', { months: p.withinMonths })}
                value={percent(p.probability)}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {percent(p.low)}–{percent(p.high)}
                  </Typography.Text>
                }
              />
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('forecast.summary.note', {
              asOf: f.asOf,
              paths: f.paths,
              leverage:
                f.leverage === null
                  ? t('forecast.none')
                  : t('forecast.times', { value: f.leverage.toFixed(1) }),
            })}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
