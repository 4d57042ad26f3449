import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { OrgKind } from '@ipfund/shared';
import { ApiErrorAlert } from './ApiErrorAlert';
import {
  CONSENT_TO_RESUME_FUND_MUTATION,
  FUND_RESUMPTION_VOTES_QUERY,
  FUND_STATUS_QUERY,
  type FundResumptionVote,
} from './claims.graphql';
import { formatInstant } from './dates';
import { articleLabel } from './policyText';
import { RESUMPTION_VOTERS, isResumptionVoter, orgKindLabel, resumptionProgress } from './progress';

/**
 * Art 19 / R7: while the fund is suspended, the three offices and the fund manager each record their
 * consent to resume (with the measures agreed); the fourth consent resumes the fund.
 */
export function ResumptionPanel({ kind }: { kind: OrgKind | undefined }) {
  const { data: fund } = useQuery(FUND_STATUS_QUERY);
  const suspended = fund?.fundStatus.suspended === true;
  if (!suspended || !kind || !isResumptionVoter(kind)) return null;
  return <ResumptionVotes kind={kind} />;
}

function ResumptionVotes({ kind }: { kind: OrgKind }) {
  const { data, loading, error } = useQuery(FUND_RESUMPTION_VOTES_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [open, setOpen] = useState(false);
  const votes = data?.fundResumptionVotes ?? [];
  const progress = resumptionProgress(votes);
  const voted = votes.some((v) => v.orgKind === kind);

  return (
    <Card
      size="small"
      title={`恢复补偿业务（${articleLabel('Art 19')}）：已同意 ${progress.text}`}
      extra={
        <Button type="primary" disabled={voted || loading} onClick={() => setOpen(true)}>
          {voted ? '本机构已同意' : '同意恢复'}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {error && <ApiErrorAlert title="恢复意见加载失败" error={error} />}
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
      {open && <ConsentModal onClose={() => setOpen(false)} />}
    </Card>
  );
}

function ConsentModal({ onClose }: { onClose: () => void }) {
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
          ? '四方均已同意，补偿业务已恢复'
          : `已记录同意（${result?.votes ?? '—'}/${RESUMPTION_VOTERS.length}）`,
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
          恢复须由区知识产权局、区财政局、区金融办与资金管理人共同决定；请写明商定的风险处置措施。
        </Typography.Paragraph>
        {error && <ApiErrorAlert title="未能记录" error={error} />}
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
