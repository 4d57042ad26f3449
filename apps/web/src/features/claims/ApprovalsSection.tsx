import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../app/useViewer';
import type { ClaimApproval } from './claims.graphql';
import { decisionLabel } from './claimLabels';
import { formatInstant } from './dates';
import { articleLabel } from './policyText';
import { coSignProgress } from './progress';

/** R6: the decisions of the policy's co-signing offices, each once, in any order. */
export function ApprovalsSection({ approvals }: { approvals: ClaimApproval[] }) {
  const { t } = useTranslation();
  const policy = usePolicy();
  const offices = policy?.coSigningOffices;
  return (
    <div>
      {offices && (
        <Typography.Title level={5}>
          {t('claims.approvals.title', {
            article: articleLabel(offices.article),
            progress: coSignProgress(approvals, offices.value).text,
          })}
        </Typography.Title>
      )}
      <Table<ClaimApproval>
        rowKey={(a) => `${a.organization.id}-${a.decidedAt}`}
        size="small"
        pagination={false}
        dataSource={approvals}
        locale={{ emptyText: t('claims.approvals.empty') }}
        columns={[
          { title: t('claims.approvals.organization'), dataIndex: ['organization', 'name'] },
          {
            title: t('claims.approvals.decision'),
            dataIndex: 'decision',
            render: (d: string) => <Tag color={d === 'APPROVED' ? 'green' : 'red'}>{decisionLabel(d)}</Tag>,
          },
          {
            title: t('claims.approvals.comment'),
            dataIndex: 'comment',
            render: (c: string | null) => c ?? '—',
          },
          { title: t('claims.common.businessDate'), dataIndex: 'businessDate' },
          { title: t('claims.common.time'), dataIndex: 'decidedAt', render: formatInstant },
        ]}
      />
    </div>
  );
}
