import { useQuery } from '@apollo/client/react';
import { Drawer, Empty, Space, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  return (
    <Drawer
      open={claimId !== null}
      onClose={onClose}
      size={1000}
      destroyOnHidden
      title={t('claims.drawer.title')}
    >
      {claimId && <ClaimDetails claimId={claimId} />}
    </Drawer>
  );
}

function ClaimDetails({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(CLAIM_QUERY, {
    variables: { id: claimId },
    fetchPolicy: 'cache-and-network',
  });
  const claim = data?.claim;
  if (error) return <ErrorAlert title={t('claims.drawer.loadFailed')} error={error} />;
  if (!claim) return loading ? <Spin /> : <Empty description={t('claims.drawer.notFound')} />;
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
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        {
          key: 'computation',
          label: t('claims.drawer.tabComputation'),
          children: <ComputationComparison claim={claim} />,
        },
        {
          key: 'approvals',
          label: t('claims.drawer.tabApprovals'),
          children: <ApprovalsAndHistory claim={claim} />,
        },
        {
          key: 'documents',
          label: t('claims.drawer.tabDocuments', { n: claim.documents.length }),
          children: <DocumentsSection claim={claim} />,
        },
        {
          key: 'recoveries',
          label: t('claims.drawer.tabRecoveries', { n: claim.recoveries.length }),
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
