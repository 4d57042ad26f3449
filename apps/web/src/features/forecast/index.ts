export { ForecastPage } from './ForecastPage';
export { ForecastSummaryCard } from './ForecastSummaryCard';
