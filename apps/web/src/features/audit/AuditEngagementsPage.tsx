import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatArticle } from '@ipfund/shared';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useViewerPermissions } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { messageOf } from '../audit/messageOf';
import {
  AUDIT_ENGAGEMENTS_QUERY,
  AUDIT_FIRMS_QUERY,
  END_AUDIT_ENGAGEMENT,
  ENGAGE_AUDITOR,
  SUBJECT_ZH,
  type AuditEngagement,
} from './audit.graphql';

interface EngageForm {
  auditorOrgId: string;
  scope: string;
  subjects?: string[];
  window: [Dayjs, Dayjs];
}

/** The IP bureau's form: an audit firm, what it audits, and the window its users may read in (Art 20). */
function EngageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EngageForm>();
  const firms = useQuery(AUDIT_FIRMS_QUERY, { skip: !open });
  const [engage, { loading }] = useMutation(ENGAGE_AUDITOR, { refetchQueries: [AUDIT_ENGAGEMENTS_QUERY] });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await engage({
        variables: {
          input: {
            auditorOrgId: v.auditorOrgId,
            scope: v.scope,
            subjects: v.subjects ?? [],
            startsOn: v.window[0].format('YYYY-MM-DD'),
            endsOn: v.window[1].format('YYYY-MM-DD'),
          },
        },
      });
      message.success('已委托审计');
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  return (
    <Modal
      title="委托专项审计（第二十条）"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={loading}
      okText="委托"
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="auditorOrgId"
          label="会计师事务所"
          rules={[{ required: true, message: '请选择事务所' }]}
        >
          <Select
            options={firms.data?.auditFirms.map((f) => ({ value: f.id, label: f.name })) ?? []}
            loading={firms.loading}
          />
        </Form.Item>
        <Form.Item name="scope" label="审计范围" rules={[{ required: true, message: '请填写审计范围' }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：风险补偿资金使用和管理情况专项审计" />
        </Form.Item>
        <Form.Item name="subjects" label="涉及的记录（可选）">
          <Select
            mode="multiple"
            options={Object.entries(SUBJECT_ZH).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="window"
          label="委托期间（业务日期）"
          rules={[{ required: true, message: '请选择期间' }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审计委托: engagements of audit firms (Art 20); the IP bureau engages and ends them. */
export function AuditEngagementsPage() {
  const { modal, message } = App.useApp();
  const viewer = useViewerPermissions();
  const { data, loading, error } = useQuery(AUDIT_ENGAGEMENTS_QUERY);
  const [end] = useMutation(END_AUDIT_ENGAGEMENT, { refetchQueries: [AUDIT_ENGAGEMENTS_QUERY] });
  const [open, setOpen] = useState(false);
  const mayEngage = viewer.mayTake('audit.engage');
  const endEngagement = (e: AuditEngagement) => {
    let reason = '';
    modal.confirm({
      title: `提前结束对 ${e.auditor.name} 的审计委托`,
      content: (
        <Input.TextArea rows={3} placeholder="结束原因" onChange={(ev) => (reason = ev.target.value)} />
      ),
      okText: '结束委托',
      onOk: async () => {
        try {
          await end({ variables: { id: e.id, reason } });
          message.success('委托已结束');
        } catch (err) {
          message.error(messageOf(err));
          throw err;
        }
      },
    });
  };
  const columns: TableColumnsType<AuditEngagement> = [
    { title: '会计师事务所', render: (_, e) => e.auditor.name },
    { title: '审计范围', dataIndex: 'scope' },
    {
      title: '涉及记录',
      dataIndex: 'subjects',
      render: (s: string[]) => (s.length ? s.map((x) => <Tag key={x}>{SUBJECT_ZH[x] ?? x}</Tag>) : '全部'),
    },
    { title: '期间', render: (_, e) => `${e.startsOn} 至 ${e.endsOn}` },
    {
      title: '状态',
      render: (_, e) =>
        e.status === 'ENDED' ? (
          <Tag title={e.endReason ?? ''}>已于 {e.endedOn} 结束</Tag>
        ) : e.activeToday ? (
          <Tag color="green">生效中</Tag>
        ) : (
          <Tag color="orange">不在期间内</Tag>
        ),
    },
    { title: '依据', dataIndex: 'article', width: 100, render: (a: string) => formatArticle(a, 'zh-CN') },
    ...(mayEngage
      ? [
          {
            title: '操作',
            render: (_: unknown, e: AuditEngagement) =>
              e.status === 'ACTIVE' ? (
                <Button size="small" danger onClick={() => endEngagement(e)}>
                  结束委托
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card
      title="审计委托"
      extra={
        mayEngage && (
          <Button type="primary" onClick={() => setOpen(true)}>
            委托审计
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        区知识产权局可委托会计师事务所对资金使用和管理情况进行专项审计（第二十条）。事务所仅在委托期间内只读查阅，其每次查阅均记入操作日志。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <ErrorAlert title="无法加载审计委托" description={messageOf(error)} />}
        <Table<AuditEngagement>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.auditEngagements ?? []}
          pagination={false}
        />
      </Space>
      <EngageModal open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
