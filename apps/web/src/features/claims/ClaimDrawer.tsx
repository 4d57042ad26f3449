import { useQuery } from '@apollo/client/react';
import { Drawer, Empty, Space, Spin, Tabs } from 'antd';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ApprovalsSection } from './ApprovalsSection';
import { ClaimActionBar } from './ClaimActionBar';
import { CLAIM_QUERY, type ClaimDetail } from './claims.graphql';
import { ClaimStatusTag } from './ClaimStatusTag';
import { ClaimSummary } from './ClaimSummary';
import { ComputationComparison } from './ComputationComparison';
import { DocumentsSection } from './DocumentsSection';
import { HistoryTimeline } from './HistoryTimeline';
import { RecoveriesSection } from './RecoveriesSection';

/** One claim: facts, the R5 computation, approvals, history, documents, recoveries and the next steps. */
export function ClaimDrawer({ claimId, onClose }: { claimId: string | null; onClose: () => void }) {
  return (
    <Drawer open={claimId !== null} onClose={onClose} size={1000} destroyOnHidden title="补偿申请详情">
      {claimId && <ClaimDetails claimId={claimId} />}
    </Drawer>
  );
}

function ClaimDetails({ claimId }: { claimId: string }) {
  const { data, loading, error } = useQuery(CLAIM_QUERY, {
    variables: { id: claimId },
    fetchPolicy: 'cache-and-network',
  });
  const claim = data?.claim;
  if (error) return <ErrorAlert title="补偿申请加载失败" error={error} />;
  if (!claim) return loading ? <Spin /> : <Empty description="补偿申请不存在或无权查看" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <strong>{claim.loan.contractNo}</strong>
          <ClaimStatusTag status={claim.status} />
        </Space>
        <ClaimActionBar claim={claim} />
      </Space>
      <ClaimSummary claim={claim} />
      <ClaimTabs claim={claim} />
    </Space>
  );
}

function ClaimTabs({ claim }: { claim: ClaimDetail }) {
  return (
    <Tabs
      items={[
        { key: 'computation', label: '补偿金额计算', children: <ComputationComparison claim={claim} /> },
        { key: 'approvals', label: '会签与流程', children: <ApprovalsAndHistory claim={claim} /> },
        {
          key: 'documents',
          label: `申请材料（${claim.documents.length}）`,
          children: <DocumentsSection claim={claim} />,
        },
        {
          key: 'recoveries',
          label: `追偿返还（${claim.recoveries.length}）`,
          children: <RecoveriesSection claim={claim} />,
        },
      ]}
    />
  );
}

function ApprovalsAndHistory({ claim }: { claim: ClaimDetail }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ApprovalsSection approvals={claim.approvals} />
      <HistoryTimeline history={claim.history} />
    </Space>
  );
}
