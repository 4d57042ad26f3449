import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      title={t('claims.resumption.title', { article: articleLabel(voters.article), progress: progress.text })}
      extra={
        mayConsent && (
          <Button type="primary" disabled={loading} onClick={() => setOpen(true)}>
            {t('claims.resumption.consent')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {error && <ErrorAlert title={t('claims.resumption.loadFailed')} error={error} />}
      <Table<FundResumptionVote>
        rowKey="orgKind"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={votes}
        locale={{ emptyText: t('claims.resumption.empty') }}
        columns={[
          {
            title: t('claims.resumption.organization'),
            dataIndex: 'orgKind',
            render: (k: string) => <Tag>{orgKindLabel(k)}</Tag>,
          },
          { title: t('claims.resumption.comment'), dataIndex: 'comment' },
          { title: t('claims.common.businessDate'), dataIndex: 'businessDate' },
          { title: t('claims.common.time'), dataIndex: 'occurredAt', render: formatInstant },
        ]}
      />
      {open && <ConsentModal voters={voters.value} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function ConsentModal({ voters, onClose }: { voters: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
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
          ? t('claims.resumption.resumed')
          : t('claims.resumption.recorded', { votes: result?.votes ?? '—', total: voters.length }),
      );
      onClose();
    } catch {
      // Shown in the dialog by `error`.
    }
  };

  return (
    <Modal
      open
      title={t('claims.resumption.modalTitle')}
      okText={t('claims.resumption.ok')}
      confirmLoading={loading}
      onOk={submit}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          {t('claims.resumption.intro', { voters: orgKindNames(voters) })}
        </Typography.Paragraph>
        {error && <ErrorAlert title={t('claims.resumption.failed')} error={error} />}
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label={t('claims.resumption.commentLabel')}
            rules={[{ required: true, whitespace: true, message: t('claims.resumption.commentRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
