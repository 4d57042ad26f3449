import { useQuery } from '@apollo/client/react';
import { Alert, Space, Typography } from 'antd';
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
  const policy = usePolicy();
  const { data, error } = useQuery(FUND_STATUS_QUERY, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorAlert title="资金状态加载失败" error={error} />;
  const status = data?.fundStatus;
  if (!status) return null;
  return (
    <Alert
      type={status.suspended ? 'warning' : 'success'}
      showIcon
      title={
        status.suspended
          ? `补偿业务已暂停${policy ? `（${articleLabel(policy.circuitBreakerCumulative.article)}）` : ''}`
          : '风险补偿资金运行正常，可受理补偿申请'
      }
      description={<FundStatusDetails status={status} policy={policy} />}
      style={{ marginBottom: 16 }}
    />
  );
}

function FundStatusDetails({ status, policy }: { status: FundStatus; policy: Policy | undefined }) {
  const deciders = policy ? orgKindNames(policy.resumptionVoters.value) : '各方';
  return (
    <Space orientation="vertical" size={4}>
      {status.suspended && (
        <Typography.Text>
          累计补偿金额已达到暂停线：申请仍可提交、确认、核实和会签，但最后一个会签（终审批准）须待{deciders}
          共同决定恢复后进行；已终审批准的申请照常支付。
        </Typography.Text>
      )}
      {status.cumulativeCompensation !== null && (
        <Space wrap size="large">
          <span>
            累计补偿（终审批准）：
            <Money value={status.cumulativeCompensation} />
          </span>
          <span>
            专户本金余额：
            <Money value={status.principalBalance} />
          </span>
          <span>
            利息子账户余额：
            <Money value={status.interestBalance} />
          </span>
        </Space>
      )}
    </Space>
  );
}
