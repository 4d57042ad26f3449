import { useQuery } from '@apollo/client/react';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FUND_STATUS_QUERY, type FundStatus } from './claims.graphql';
import { Money } from './Money';
import { articleLabel } from './policyText';
import { orgKindNames } from './progress';

/**
 * R7: everyone sees whether new compensation business is stopped (the policy's circuit breaker);
 * balances only for those who may read the ledger (null for others).
 */
export function FundStatusBanner() {
  const { t } = useTranslation();
  const policy = usePolicy();
  const { data, error } = useQuery(FUND_STATUS_QUERY, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorAlert title={t('claims.fundStatus.loadFailed')} error={error} />;
  const status = data?.fundStatus;
  if (!status) return null;
  return (
    <Alert
      type={status.suspended ? 'warning' : 'success'}
      showIcon
      title={
        status.suspended
          ? policy
            ? t('claims.fundStatus.suspendedWithArticle', {
                article: articleLabel(policy.circuitBreakerCumulative.article),
              })
            : t('claims.fundStatus.suspended')
          : t('claims.fundStatus.running')
      }
      description={<FundStatusDetails status={status} policy={policy} />}
      style={{ marginBottom: 16 }}
    />
  );
}

function FundStatusDetails({ status, policy }: { status: FundStatus; policy: Policy | undefined }) {
  const { t } = useTranslation();
  const deciders = policy ? orgKindNames(policy.resumptionVoters.value) : t('claims.common.allParties');
  return (
    <Space orientation="vertical" size={4}>
      {status.suspended && (
        <Typography.Text>{t('claims.fundStatus.suspendedNote', { deciders })}</Typography.Text>
      )}
      {status.cumulativeCompensation !== null && (
        <Space wrap size="large">
          <span>
            {t('claims.fundStatus.cumulative')}
            <Money value={status.cumulativeCompensation} />
          </span>
          <span>
            {t('claims.fundStatus.principal')}
            <Money value={status.principalBalance} />
          </span>
          <span>
            {t('claims.fundStatus.interest')}
            <Money value={status.interestBalance} />
          </span>
        </Space>
      )}
    </Space>
  );
}
