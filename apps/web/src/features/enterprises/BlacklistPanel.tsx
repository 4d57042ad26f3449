import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { articleZh } from '../partners/partnerDisplay';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { proposalStatusLabel } from './enterpriseDisplay';
import { DECIDE_BLACKLIST, type BlacklistProposalRow } from './enterprises.graphql';

interface Decision {
  proposal: BlacklistProposalRow;
  approve: boolean;
}

/** 黑名单提议 (Art 21): proposed, then decided once; the buttons follow each proposal's `viewerCan`. */
export function BlacklistPanel({
  proposals,
  loading,
  error,
  onOpenEnterprise,
}: {
  proposals: BlacklistProposalRow[];
  loading: boolean;
  error?: Error;
  onOpenEnterprise: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const article = provisionArticle(usePolicy(), 'blacklist');
  const [form] = Form.useForm<{ comment?: string }>();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [decide, { loading: deciding }] = useMutation(DECIDE_BLACKLIST, {
    refetchQueries: ['BlacklistProposals', 'Enterprises', 'Enterprise'],
  });

  async function submit({ comment }: { comment?: string }) {
    if (!decision) return;
    try {
      await decide({
        variables: { proposalId: decision.proposal.id, approve: decision.approve, comment: comment ?? null },
      });
      message.success(
        decision.approve ? t('enterprises.proposals.approvedDone') : t('enterprises.proposals.declinedDone'),
      );
      form.resetFields();
      setDecision(null);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const columns: TableColumnsType<BlacklistProposalRow> = [
    {
      title: t('enterprises.proposals.enterprise'),
      key: 'enterprise',
      render: (_: unknown, p: BlacklistProposalRow) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onOpenEnterprise(p.enterprise.id)}
        >
          {p.enterprise.name}
        </Button>
      ),
    },
    { title: t('enterprises.proposals.reason'), dataIndex: 'reason', width: 260, ellipsis: true },
    { title: t('enterprises.proposals.proposedOn'), dataIndex: 'proposedOn' },
    { title: t('enterprises.proposals.proposedBy'), dataIndex: ['proposedBy', 'name'] },
    {
      title: t('enterprises.proposals.status'),
      dataIndex: 'status',
      render: (status: string) => {
        const s = proposalStatusLabel(status);
        return <Tag color={s.color}>{s.label}</Tag>;
      },
    },
    {
      title: t('enterprises.proposals.decision'),
      key: 'decision',
      render: (_: unknown, p: BlacklistProposalRow) =>
        p.decidedOn
          ? p.decisionComment
            ? t('enterprises.proposals.decisionWithComment', {
                date: p.decidedOn,
                comment: p.decisionComment,
              })
            : p.decidedOn
          : '—',
    },
    ...(proposals.some((p) => can(p, 'blacklist.decide'))
      ? [
          {
            title: t('enterprises.proposals.actions'),
            key: 'actions',
            // The decision stays on screen however wide the reasons are (issue 11).
            fixed: 'right' as const,
            render: (_: unknown, p: BlacklistProposalRow) =>
              can(p, 'blacklist.decide') && (
                <Space size="small">
                  <Button size="small" danger onClick={() => setDecision({ proposal: p, approve: true })}>
                    {t('enterprises.proposals.approve')}
                  </Button>
                  <Button size="small" onClick={() => setDecision({ proposal: p, approve: false })}>
                    {t('enterprises.proposals.decline')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('enterprises.proposals.title', {
        cite: article ? t('enterprises.cite', { article: articleZh(article) }) : '',
      })}
      style={{ marginTop: 16 }}
    >
      {error && <ErrorAlert title={t('enterprises.proposals.loadFailed')} error={error} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={proposals}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('enterprises.proposals.empty') }}
      />
      <Modal
        title={
          decision?.approve
            ? t('enterprises.proposals.approveTitle')
            : t('enterprises.proposals.declineTitle')
        }
        open={!!decision}
        okText={t('enterprises.proposals.confirm')}
        okButtonProps={{ danger: decision?.approve }}
        cancelText={t('enterprises.proposals.cancel')}
        confirmLoading={deciding}
        onOk={() => form.submit()}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        {decision?.approve && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('enterprises.proposals.approveWarning', { name: decision.proposal.enterprise.name })}
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="comment"
            label={
              decision?.approve
                ? t('enterprises.proposals.commentOptional')
                : t('enterprises.proposals.declineReason')
            }
            rules={[
              {
                required: !decision?.approve,
                whitespace: true,
                message: t('enterprises.proposals.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
