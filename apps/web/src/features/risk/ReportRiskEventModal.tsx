import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { articleLabel } from '../loans/loanDisplay';
import { REPORT_RISK_EVENT_MUTATION } from './risk.graphql';
import { EVENT_KIND_LABELS } from './riskDisplay';

/**
 * 报告风险事件 (Art 16): the bank or guarantor of a loan tells the fund manager that the enterprise
 * cannot repay on time, or is deteriorating before any default.
 */
export function ReportRiskEventModal({
  loan,
  onClose,
}: {
  loan: { id: string; contractNo: string; enterprise: string };
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const article = provisionArticle(usePolicy(), 'earlyWarning');
  const [form] = Form.useForm<{ kind: string; description: string }>();
  const [report, { loading, error }] = useMutation(REPORT_RISK_EVENT_MUTATION, { refetchQueries: 'active' });
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      await report({
        variables: { input: { loanId: loan.id, kind: v.kind, description: v.description.trim() } },
      });
      message.success('风险事件已报告资金管理人');
      onClose();
    } catch {
      // shown through `error`
    }
  };
  return (
    <Modal
      open
      title={`报告风险事件 · ${loan.contractNo}`}
      okText="报告"
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {loan.enterprise}
        ：出现不能按期还本付息、经营情况严重恶化等情形时，应及时通知资金管理人共同核实
        {article ? `（${articleLabel(article)}）` : ''}。
      </Typography.Paragraph>
      {error && <ErrorAlert title="报告失败" error={error} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'DETERIORATION' }}>
        <Form.Item name="kind" label="事件类型" rules={[{ required: true }]}>
          <Radio.Group
            options={Object.entries(EVENT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="情况说明"
          rules={[{ required: true, whitespace: true, message: '请说明情况' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
