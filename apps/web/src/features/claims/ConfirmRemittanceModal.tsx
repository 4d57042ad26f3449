import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Form, Input, Modal, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { CONFIRM_REMITTANCE_MUTATION, REJECT_REMITTANCE_MUTATION, type Recovery } from './claims.graphql';
import { articleLabel } from './policyText';
import { RecoveryFacts } from './RemitModal';

/**
 * Fund manager: confirm a bank's declared remittance against the special account's statement
 * (reference and the date the money arrived) — only this posts it — or reject the declaration with
 * the reason (Art 18).
 */
export function ConfirmRemittanceModal({ recovery, onClose }: { recovery: Recovery; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const article = provisionArticle(usePolicy(), 'recovery');
  const [mode, setMode] = useState<'confirm' | 'reject'>('confirm');
  const [form] = Form.useForm<{ bankStatementRef: string; receivedOn: Dayjs; reason: string }>();
  const [confirm, confirming] = useMutation(CONFIRM_REMITTANCE_MUTATION, { refetchQueries: 'active' });
  const [reject, rejecting] = useMutation(REJECT_REMITTANCE_MUTATION, { refetchQueries: 'active' });
  const error = mode === 'confirm' ? confirming.error : rejecting.error;

  const onOk = async () => {
    const values = await form.validateFields();
    try {
      if (mode === 'confirm') {
        await confirm({
          variables: {
            input: {
              recoveryId: recovery.id,
              bankStatementRef: values.bankStatementRef.trim(),
              receivedOn: values.receivedOn.format('YYYY-MM-DD'),
            },
          },
        });
        message.success(t('claims.confirmRemittance.confirmed'));
      } else {
        await reject({ variables: { recoveryId: recovery.id, reason: values.reason.trim() } });
        message.success(t('claims.confirmRemittance.rejected'));
      }
      onClose();
    } catch {
      // Shown in the dialog by `error`.
    }
  };

  return (
    <Modal
      open
      title={
        article
          ? t('claims.confirmRemittance.titleWithArticle', { article: articleLabel(article) })
          : t('claims.confirmRemittance.title')
      }
      okText={
        mode === 'confirm' ? t('claims.confirmRemittance.confirm') : t('claims.confirmRemittance.reject')
      }
      okButtonProps={{ danger: mode === 'reject' }}
      confirmLoading={confirming.loading || rejecting.loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ErrorAlert title={t('claims.confirmRemittance.failed')} error={error} />}
      <RecoveryFacts recovery={recovery} />
      <Segmented
        style={{ margin: '12px 0' }}
        value={mode}
        onChange={(v) => setMode(v as 'confirm' | 'reject')}
        options={[
          { label: t('claims.confirmRemittance.modeConfirm'), value: 'confirm' },
          { label: t('claims.confirmRemittance.modeReject'), value: 'reject' },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        {mode === 'confirm' ? (
          <>
            <Form.Item
              name="bankStatementRef"
              label={t('claims.confirmRemittance.statementRef')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('claims.confirmRemittance.statementRefRequired'),
                },
                { max: 100 },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="receivedOn"
              label={t('claims.confirmRemittance.receivedOn')}
              rules={[{ required: true, message: t('claims.confirmRemittance.receivedOnRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={t('claims.confirmRemittance.reason')}
            rules={[
              { required: true, whitespace: true, message: t('claims.confirmRemittance.reasonRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
