import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
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
import { articleLabel } from '../loans/loanDisplay';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { LOANS_QUERY } from '../loans/loans.graphql';
import { ReportRiskEventModal } from './ReportRiskEventModal';
import { RISK_EVENTS_QUERY, VERIFY_RISK_EVENT_MUTATION, type RiskEvent } from './risk.graphql';
import { EVENT_KIND_LABELS, label } from './riskDisplay';

type Filter = 'open' | 'verified' | 'all';

/**
 * 风险事件 (Art 16): early warnings on loans. Those who may report (`risk.reportEvent`) pick one of
 * their loans; an event whose `viewerCan` has `risk.verifyEvent` gets the button to record the joint
 * verification of the enterprise's ability to repay and the measures taken.
 */
export function RiskEventsPage() {
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
    { title: '报告日', dataIndex: 'reportedOn', width: 110 },
    {
      title: '贷款',
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
      title: '类型',
      dataIndex: 'kind',
      width: 150,
      render: (k: string) => <Tag>{label(EVENT_KIND_LABELS, k)}</Tag>,
    },
    { title: '情况说明', dataIndex: 'description', width: 260, ellipsis: true },
    {
      title: '报告人',
      key: 'reporter',
      width: 200,
      render: (_: unknown, e) => `${e.reporterOrganization.name} ${e.reportedBy}`,
    },
    {
      title: '核实与措施',
      key: 'verification',
      width: 300,
      // The verification (and its button) stays on screen at 1440 px (issue 11).
      fixed: 'right',
      render: (_: unknown, e) =>
        e.verified ? (
          <span>
            <Tag color="green">已核实 {e.verifiedOn}</Tag>
            {e.contractSuspended && <Tag color="red">已中止贷款合同</Tag>}
            <br />
            核实：{e.verification}
            <br />
            措施：{e.measures}
            <br />
            <Typography.Text type="secondary">{e.verifiedBy}</Typography.Text>
          </span>
        ) : can(e, 'risk.verifyEvent') ? (
          <Button size="small" type="primary" onClick={() => setVerifying(e)}>
            记录核实
          </Button>
        ) : (
          <Tag color="gold">待核实</Tag>
        ),
    },
  ];

  return (
    <Card
      title={article ? `风险事件（${articleLabel(article)}）` : '风险事件'}
      extra={
        <Space wrap>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'open', label: '待核实' },
              { value: 'verified', label: '已核实' },
              { value: 'all', label: '全部' },
            ]}
          />
          {mayTake('risk.reportEvent') && (
            <Button type="primary" onClick={() => setReporting(true)}>
              报告风险事件
            </Button>
          )}
        </Space>
      }
    >
      {error && <ErrorAlert title="加载失败" error={error} />}
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
    <Modal open title="选择贷款" footer={null} onCancel={onClose}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        style={{ width: '100%' }}
        placeholder="选择要报告的贷款"
        onChange={(id: string) => setLoanId(id)}
        options={loans.map((l) => ({
          value: l.id,
          label: `${l.contractNo} · ${l.enterprise.name}${l.overdueDays ? ` · 逾期 ${l.overdueDays} 天` : ''}`,
        }))}
      />
    </Modal>
  );
}

function VerifyModal({ event, onClose }: { event: RiskEvent; onClose: () => void }) {
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
      message.success('核实情况已记录');
      onClose();
    } catch {
      // shown through `error`
    }
  };
  return (
    <Modal
      open
      title={`记录共同核实 · ${event.loan.contractNo}`}
      okText="记录"
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {event.loan.enterprise.name}：{label(EVENT_KIND_LABELS, event.kind)}。{event.description}
      </Typography.Paragraph>
      {error && <ErrorAlert title="记录失败" error={error} />}
      <Form form={form} layout="vertical" initialValues={{ contractSuspended: false }}>
        <Form.Item
          name="verification"
          label="共同核实情况（还贷能力）"
          rules={[{ required: true, whitespace: true, message: '请填写核实情况' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="measures"
          label="采取的措施"
          rules={[{ required: true, whitespace: true, message: '请填写措施' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="contractSuspended" label="已中止贷款合同" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
