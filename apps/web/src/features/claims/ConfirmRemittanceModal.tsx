import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Form, Input, Modal, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
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
        message.success('已确认到账并记账');
      } else {
        await reject({ variables: { recoveryId: recovery.id, reason: values.reason.trim() } });
        message.success('已退回申报');
      }
      onClose();
    } catch {
      // Shown in the dialog by `error`.
    }
  };

  return (
    <Modal
      open
      title={article ? `确认追偿返还到账（${articleLabel(article)}）` : '确认追偿返还到账'}
      okText={mode === 'confirm' ? '确认到账' : '退回申报'}
      okButtonProps={{ danger: mode === 'reject' }}
      confirmLoading={confirming.loading || rejecting.loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ErrorAlert title="操作失败" error={error} />}
      <RecoveryFacts recovery={recovery} />
      <Segmented
        style={{ margin: '12px 0' }}
        value={mode}
        onChange={(v) => setMode(v as 'confirm' | 'reject')}
        options={[
          { label: '流水已到账', value: 'confirm' },
          { label: '流水未见此款', value: 'reject' },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        {mode === 'confirm' ? (
          <>
            <Form.Item
              name="bankStatementRef"
              label="专户银行流水号"
              rules={[{ required: true, whitespace: true, message: '请填写银行流水号' }, { max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="receivedOn"
              label="到账日期"
              rules={[{ required: true, message: '请选择到账日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label="退回理由"
            rules={[{ required: true, whitespace: true, message: '请填写退回理由' }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
