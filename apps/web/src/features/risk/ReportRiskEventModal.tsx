import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import type { RiskEventKind } from '../../gql/graphql';
import { REPORT_RISK_EVENT_MUTATION } from './risk.graphql';
import { useLang } from '../../i18n';
import { cite, EVENT_KINDS, eventKindLabel } from './riskDisplay';

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
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const article = provisionArticle(usePolicy(), 'earlyWarning');
  const [form] = Form.useForm<{ kind: RiskEventKind; description: string }>();
  const [report, { loading, error }] = useMutation(REPORT_RISK_EVENT_MUTATION, { refetchQueries: 'active' });
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      await report({
        variables: { input: { loanId: loan.id, kind: v.kind, description: v.description.trim() } },
      });
      message.success(t('risk.reportEvent.done'));
      onClose();
    } catch {
      // shown through `error`
    }
  };
  return (
    <Modal
      open
      title={t('risk.reportEvent.title', { contractNo: loan.contractNo })}
      okText={t('risk.reportEvent.ok')}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('risk.reportEvent.intro', { enterprise: loan.enterprise, cite: cite(lang, article) })}
      </Typography.Paragraph>
      {error && <ErrorAlert title={t('risk.reportEvent.failed')} error={error} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'DETERIORATION' }}>
        <Form.Item name="kind" label={t('risk.reportEvent.kind')} rules={[{ required: true }]}>
          <Radio.Group options={EVENT_KINDS.map((value) => ({ value, label: eventKindLabel(value) }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('risk.reportEvent.description')}
          rules={[{ required: true, whitespace: true, message: t('risk.reportEvent.descriptionRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
