import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { can } from '../../app/access';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { ErrorAlert } from '../../lib/ErrorAlert';
import {
  CONSENT_TO_RESUME_FUND_MUTATION,
  FUND_RESUMPTION_VOTES_QUERY,
  FUND_STATUS_QUERY,
  type FundResumptionVote,
} from './claims.graphql';
import { formatInstant } from './dates';
import { articleLabel } from './policyText';
import { orgKindLabel, orgKindNames, resumptionProgress } from './progress';

/**
 * R7: while the fund is suspended, each of the policy's resumption voters records its consent to
 * resume (with the measures agreed); the last consent resumes the fund. Those who read the votes see
 * the panel; the button follows the fund's `viewerCan` (`fund.consentToResume`).
 */
export function ResumptionPanel() {
  const { reads } = useViewerPermissions();
  const policy = usePolicy();
  const { data: fund } = useQuery(FUND_STATUS_QUERY);
  const status = fund?.fundStatus;
  if (!status?.suspended || !policy || !reads('ResumptionVote')) return null;
  return <ResumptionVotes policy={policy} mayConsent={can(status, 'fund.consentToResume')} />;
}

function ResumptionVotes({ policy, mayConsent }: { policy: Policy; mayConsent: boolean }) {
  const { data, loading, error } = useQuery(FUND_RESUMPTION_VOTES_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [open, setOpen] = useState(false);
  const votes = data?.fundResumptionVotes ?? [];
  const voters = policy.resumptionVoters;
  const progress = resumptionProgress(votes, voters.value);

  return (
    <Card
      size="small"
      title={`恢复补偿业务（${articleLabel(voters.article)}）：已同意 ${progress.text}`}
      extra={
        mayConsent && (
          <Button type="primary" disabled={loading} onClick={() => setOpen(true)}>
            同意恢复
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {error && <ErrorAlert title="恢复意见加载失败" error={error} />}
      <Table<FundResumptionVote>
        rowKey="orgKind"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={votes}
        locale={{ emptyText: '尚无机构同意恢复' }}
        columns={[
          { title: '机构', dataIndex: 'orgKind', render: (k: string) => <Tag>{orgKindLabel(k)}</Tag> },
          { title: '意见（商定的措施）', dataIndex: 'comment' },
          { title: '业务日', dataIndex: 'businessDate' },
          { title: '时间', dataIndex: 'occurredAt', render: formatInstant },
        ]}
      />
      {open && <ConsentModal voters={voters.value} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function ConsentModal({ voters, onClose }: { voters: readonly string[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [consent, { loading, error }] = useMutation(CONSENT_TO_RESUME_FUND_MUTATION, {
    refetchQueries: 'active',
  });

  const submit = async () => {
    // A failed validation is shown on the field; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { comment } = values;
    try {
      const { data } = await consent({ variables: { comment: comment.trim() } });
      const result = data?.consentToResumeFund;
      message.success(
        result?.resumed
          ? '各方均已同意，补偿业务已恢复'
          : `已记录同意（${result?.votes ?? '—'}/${voters.length}）`,
      );
      onClose();
    } catch {
      // Shown in the dialog by `error`.
    }
  };

  return (
    <Modal
      open
      title="同意恢复补偿业务"
      okText="确认同意"
      confirmLoading={loading}
      onOk={submit}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          恢复须由{orgKindNames(voters)}共同决定；请写明商定的风险处置措施。
        </Typography.Paragraph>
        {error && <ErrorAlert title="未能记录" error={error} />}
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label="意见与措施"
            rules={[{ required: true, whitespace: true, message: '请填写意见与商定的措施' }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
