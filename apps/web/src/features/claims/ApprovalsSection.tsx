import { Table, Tag, Typography } from 'antd';
import { usePolicy } from '../../app/useViewer';
import type { ClaimApproval } from './claims.graphql';
import { decisionLabel } from './claimLabels';
import { formatInstant } from './dates';
import { articleLabel } from './policyText';
import { coSignProgress } from './progress';

/** R6: the decisions of the policy's co-signing offices, each once, in any order. */
export function ApprovalsSection({ approvals }: { approvals: ClaimApproval[] }) {
  const policy = usePolicy();
  const offices = policy?.coSigningOffices;
  return (
    <div>
      {offices && (
        <Typography.Title level={5}>
          会签（{articleLabel(offices.article)}）：{coSignProgress(approvals, offices.value).text}
        </Typography.Title>
      )}
      <Table<ClaimApproval>
        rowKey={(a) => `${a.organization.id}-${a.decidedAt}`}
        size="small"
        pagination={false}
        dataSource={approvals}
        locale={{ emptyText: '尚无会签意见' }}
        columns={[
          { title: '会签单位', dataIndex: ['organization', 'name'] },
          {
            title: '意见',
            dataIndex: 'decision',
            render: (d: string) => <Tag color={d === 'APPROVED' ? 'green' : 'red'}>{decisionLabel(d)}</Tag>,
          },
          { title: '说明', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
          { title: '业务日', dataIndex: 'businessDate' },
          { title: '时间', dataIndex: 'decidedAt', render: formatInstant },
        ]}
      />
    </div>
  );
}
