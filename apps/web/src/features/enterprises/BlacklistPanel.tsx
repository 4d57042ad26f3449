import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
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
      message.success(decision.approve ? '已同意，企业列入黑名单' : '已不予同意');
      form.resetFields();
      setDecision(null);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const columns: TableColumnsType<BlacklistProposalRow> = [
    {
      title: '企业',
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
    { title: '理由', dataIndex: 'reason', width: 260, ellipsis: true },
    { title: '提议日期', dataIndex: 'proposedOn' },
    { title: '提议单位', dataIndex: ['proposedBy', 'name'] },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: string) => {
        const s = proposalStatusLabel(status);
        return <Tag color={s.color}>{s.label}</Tag>;
      },
    },
    {
      title: '决定',
      key: 'decision',
      render: (_: unknown, p: BlacklistProposalRow) =>
        p.decidedOn ? `${p.decidedOn}${p.decisionComment ? `：${p.decisionComment}` : ''}` : '—',
    },
    ...(proposals.some((p) => can(p, 'blacklist.decide'))
      ? [
          {
            title: '操作',
            key: 'actions',
            // The decision stays on screen however wide the reasons are (issue 11).
            fixed: 'right' as const,
            render: (_: unknown, p: BlacklistProposalRow) =>
              can(p, 'blacklist.decide') && (
                <Space size="small">
                  <Button size="small" danger onClick={() => setDecision({ proposal: p, approve: true })}>
                    同意
                  </Button>
                  <Button size="small" onClick={() => setDecision({ proposal: p, approve: false })}>
                    不同意
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card title={`黑名单提议${article ? `（${articleZh(article)}）` : ''}`} style={{ marginTop: 16 }}>
      {error && <ErrorAlert title="黑名单提议加载失败" error={error} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={proposals}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无提议' }}
      />
      <Modal
        title={decision?.approve ? '同意列入黑名单' : '不同意列入黑名单'}
        open={!!decision}
        okText="确认"
        okButtonProps={{ danger: decision?.approve }}
        cancelText="取消"
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
            title={`${decision.proposal.enterprise.name}自今日起取消申请资格，此后发放的贷款不纳入风险补偿；各合作机构可见此标记。`}
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="comment"
            label={decision?.approve ? '意见（可选）' : '不同意的理由'}
            rules={[{ required: !decision?.approve, whitespace: true, message: '请填写理由' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
