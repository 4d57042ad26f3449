import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import { useLang } from '../../i18n';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { LOANS_QUERY } from '../loans/loans.graphql';
import { ReportRiskEventModal } from './ReportRiskEventModal';
import { RISK_EVENTS_QUERY, VERIFY_RISK_EVENT_MUTATION, type RiskEvent } from './risk.graphql';
import { cite, eventKindLabel } from './riskDisplay';

type Filter = 'open' | 'verified' | 'all';

/**
 * 风险事件 (Art 16): early warnings on loans. Those who may report (`risk.reportEvent`) pick one of
 * their loans; an event whose `viewerCan` has `risk.verifyEvent` gets the button to record the joint
 * verification of the enterprise's ability to repay and the measures taken.
 */
export function RiskEventsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { mayTake } = useViewerPermissions();
  const article = provisionArticle(usePolicy(), 'earlyWarning');
  const [filter, setFilter] = useState<Filter>('open');
  const [reporting, setReporting] = useState(false);
  const [verifying, setVerifying] = useState<RiskEvent | null>(null);
  const { data, loading, error } = useQuery(RISK_EVENTS_QUERY, {
    variables: { open: filter === 'all' ? null : filter === 'open' },
    fetchPolicy: 'cache-and-network',
  });

  const columns: TableColumnsType<RiskEvent> = [
    { title: t('risk.events.reportedOn'), dataIndex: 'reportedOn', width: 110 },
    {
      title: t('risk.events.loan'),
      key: 'loan',
      width: 280,
      render: (_: unknown, e) => (
        <span>
          {e.loan.contractNo}
          <br />
          <Typography.Text type="secondary">
            {e.loan.enterprise.name} · {e.loan.bank.name}
            {e.loan.guarantor ? ` · ${e.loan.guarantor.name}` : ''}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('risk.events.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: string) => <Tag>{eventKindLabel(k)}</Tag>,
    },
    { title: t('risk.events.description'), dataIndex: 'description', width: 260, ellipsis: true },
    {
      title: t('risk.events.reporter'),
      key: 'reporter',
      width: 200,
      render: (_: unknown, e) => `${e.reporterOrganization.name} ${e.reportedBy}`,
    },
    {
      title: t('risk.events.verification'),
      key: 'verification',
      width: 300,
      // The verification (and its button) stays on screen at 1440 px (issue 11).
      fixed: 'right',
      render: (_: unknown, e) =>
        e.verified ? (
          <span>
            <Tag color="green">{t('risk.events.verifiedOn', { date: e.verifiedOn })}</Tag>
            {e.contractSuspended && <Tag color="red">{t('risk.events.contractSuspended')}</Tag>}
            <br />
            {t('risk.events.verificationLine', { text: e.verification })}
            <br />
            {t('risk.events.measuresLine', { text: e.measures })}
            <br />
            <Typography.Text type="secondary">{e.verifiedBy}</Typography.Text>
          </span>
        ) : can(e, 'risk.verifyEvent') ? (
          <Button size="small" type="primary" onClick={() => setVerifying(e)}>
            {t('risk.events.verify')}
          </Button>
        ) : (
          <Tag color="gold">{t('risk.events.pending')}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={t('risk.events.title', { cite: cite(lang, article) })}
      extra={
        <Space wrap>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'open', label: t('risk.events.open') },
              { value: 'verified', label: t('risk.events.verified') },
              { value: 'all', label: t('risk.events.all') },
            ]}
          />
          {mayTake('risk.reportEvent') && (
            <Button type="primary" onClick={() => setReporting(true)}>
              {t('risk.events.report')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <ErrorAlert title={t('risk.events.loadFailed')} error={error} />}
      <Table<RiskEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.riskEvents ?? []}
        loading={loading && !data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        tableLayout="fixed"
        scroll={{ x: 1300 }}
      />
      {reporting && <PickLoanAndReport onClose={() => setReporting(false)} />}
      {verifying && <VerifyModal event={verifying} onClose={() => setVerifying(null)} />}
    </Card>
  );
}

/** Choose one of the loans the caller may report on (`viewerCan`), then report on it. */
function PickLoanAndReport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [loanId, setLoanId] = useState<string | null>(null);
  const { data, loading } = useQuery(LOANS_QUERY, {
    variables: { first: 100, after: null },
    fetchPolicy: 'network-only',
  });
  const loans = (data?.loans.edges ?? []).map((e) => e.node).filter((l) => can(l, 'risk.reportEvent'));
  const loan = loans.find((l) => l.id === loanId);
  if (loan) {
    return (
      <ReportRiskEventModal
        loan={{ id: loan.id, contractNo: loan.contractNo, enterprise: loan.enterprise.name }}
        onClose={onClose}
      />
    );
  }
  return (
    <Modal open title={t('risk.events.pickTitle')} footer={null} onCancel={onClose}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        style={{ width: '100%' }}
        placeholder={t('risk.events.pickPlaceholder')}
        onChange={(id: string) => setLoanId(id)}
        options={loans.map((l) => ({
          value: l.id,
          label: `${l.contractNo} · ${l.enterprise.name}${l.overdueDays ? t('risk.events.pickOverdue', { days: l.overdueDays }) : ''}`,
        }))}
      />
    </Modal>
  );
}

function VerifyModal({ event, onClose }: { event: RiskEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ verification: string; measures: string; contractSuspended: boolean }>();
  const [verify, { loading, error }] = useMutation(VERIFY_RISK_EVENT_MUTATION, { refetchQueries: 'active' });
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      await verify({
        variables: {
          eventId: event.id,
          verification: v.verification.trim(),
          measures: v.measures.trim(),
          contractSuspended: v.contractSuspended,
        },
      });
      message.success(t('risk.verify.done'));
      onClose();
    } catch {
      // shown through `error`
    }
  };
  return (
    <Modal
      open
      title={t('risk.verify.title', { contractNo: event.loan.contractNo })}
      okText={t('risk.verify.ok')}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('risk.verify.summary', {
          enterprise: event.loan.enterprise.name,
          kind: eventKindLabel(event.kind),
          description: event.description,
        })}
      </Typography.Paragraph>
      {error && <ErrorAlert title={t('risk.verify.failed')} error={error} />}
      <Form form={form} layout="vertical" initialValues={{ contractSuspended: false }}>
        <Form.Item
          name="verification"
          label={t('risk.verify.verification')}
          rules={[{ required: true, whitespace: true, message: t('risk.verify.verificationRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('risk.verify.measures')}
          rules={[{ required: true, whitespace: true, message: t('risk.verify.measuresRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="contractSuspended"
          label={t('risk.verify.contractSuspended')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
