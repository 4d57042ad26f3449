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
import { useTranslation } from 'react-i18next';
import { provisionArticle } from '../../app/policy';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import { useLang } from '../../i18n';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { messageOf } from '../audit/messageOf';
import {
  AUDIT_ENGAGEMENTS_QUERY,
  AUDIT_FIRMS_QUERY,
  END_AUDIT_ENGAGEMENT,
  ENGAGE_AUDITOR,
  AUDIT_SUBJECTS,
  type AuditEngagement,
} from './audit.graphql';

/** "（第二十条）" / " (Art 20)": the article of the policy in force that provides for audits, if it has one. */
function useAuditCite(): string {
  const { t } = useTranslation();
  const lang = useLang();
  const article = provisionArticle(usePolicy(), 'audit');
  return article ? t('audit.common.cite', { article: formatArticle(article, lang) }) : '';
}

interface EngageForm {
  auditorOrgId: string;
  scope: string;
  subjects?: string[];
  window: [Dayjs, Dayjs];
}

/** The IP bureau's form: an audit firm, what it audits, and the window its users may read in (Art 20). */
function EngageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const cite = useAuditCite();
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
      message.success(t('audit.engage.done'));
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  return (
    <Modal
      title={t('audit.engage.title', { cite })}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={loading}
      okText={t('audit.engage.ok')}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="auditorOrgId"
          label={t('audit.engage.firm')}
          rules={[{ required: true, message: t('audit.engage.firmRequired') }]}
        >
          <Select
            options={firms.data?.auditFirms.map((f) => ({ value: f.id, label: f.name })) ?? []}
            loading={firms.loading}
          />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t('audit.engage.scope')}
          rules={[{ required: true, message: t('audit.engage.scopeRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('audit.engage.scopePlaceholder')} />
        </Form.Item>
        <Form.Item name="subjects" label={t('audit.engage.subjects')}>
          <Select
            mode="multiple"
            options={AUDIT_SUBJECTS.map((value) => ({ value, label: t(`audit.subject.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('audit.engage.window')}
          rules={[{ required: true, message: t('audit.engage.windowRequired') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审计委托: engagements of audit firms (Art 20); the IP bureau engages and ends them. */
export function AuditEngagementsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const cite = useAuditCite();
  const { modal, message } = App.useApp();
  const viewer = useViewerPermissions();
  const { data, loading, error } = useQuery(AUDIT_ENGAGEMENTS_QUERY);
  const [end] = useMutation(END_AUDIT_ENGAGEMENT, { refetchQueries: [AUDIT_ENGAGEMENTS_QUERY] });
  const [open, setOpen] = useState(false);
  const mayEngage = viewer.mayTake('audit.engage');
  const endEngagement = (e: AuditEngagement) => {
    let reason = '';
    modal.confirm({
      title: t('audit.engagements.endTitle', { name: e.auditor.name }),
      content: (
        <Input.TextArea
          rows={3}
          placeholder={t('audit.engagements.endReason')}
          onChange={(ev) => (reason = ev.target.value)}
        />
      ),
      okText: t('audit.engagements.end'),
      onOk: async () => {
        try {
          await end({ variables: { id: e.id, reason } });
          message.success(t('audit.engagements.ended'));
        } catch (err) {
          message.error(messageOf(err));
          throw err;
        }
      },
    });
  };
  const columns: TableColumnsType<AuditEngagement> = [
    { title: t('audit.engagements.firm'), render: (_, e) => e.auditor.name },
    { title: t('audit.engagements.scope'), dataIndex: 'scope' },
    {
      title: t('audit.engagements.subjects'),
      dataIndex: 'subjects',
      render: (s: string[]) =>
        s.length
          ? s.map((x) => <Tag key={x}>{t(`audit.subject.${x}`, { defaultValue: x })}</Tag>)
          : t('audit.engagements.allSubjects'),
    },
    {
      title: t('audit.engagements.window'),
      render: (_, e) => t('audit.engagements.windowValue', { from: e.startsOn, to: e.endsOn }),
    },
    {
      title: t('audit.engagements.status'),
      render: (_, e) =>
        e.status === 'ENDED' ? (
          <Tag title={e.endReason ?? ''}>{t('audit.engagements.endedOn', { date: e.endedOn })}</Tag>
        ) : e.activeToday ? (
          <Tag color="green">{t('audit.engagements.active')}</Tag>
        ) : (
          <Tag color="orange">{t('audit.engagements.outsideWindow')}</Tag>
        ),
    },
    {
      title: t('audit.common.article'),
      dataIndex: 'article',
      width: 100,
      render: (a: string) => formatArticle(a, lang),
    },
    ...(mayEngage
      ? [
          {
            title: t('audit.common.actions'),
            render: (_: unknown, e: AuditEngagement) =>
              e.status === 'ACTIVE' ? (
                <Button size="small" danger onClick={() => endEngagement(e)}>
                  {t('audit.engagements.end')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('audit.engagements.title')}
      extra={
        mayEngage && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('audit.engagements.engage')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.engagements.intro', { cite })}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <ErrorAlert title={t('audit.engagements.loadFailed')} description={messageOf(error)} />}
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
