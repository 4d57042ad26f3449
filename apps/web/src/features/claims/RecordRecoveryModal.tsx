import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatYuan } from '../../lib/money';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { isPositiveAmountInput } from './claimable';
import { RECORD_RECOVERY_MUTATION, type ClaimDetail } from './claims.graphql';
import { newIdempotencyKey } from './idempotency';
import { Money } from './Money';

interface Values {
  amount: string;
  receivedOn: Dayjs;
}

/**
 * Bank: a recovery on a paid claim (Art 18). The amount stays text end to end (the Decimal scalar);
 * the API computes what is owed back. One idempotency key per dialog, reused on retry.
 */
export function RecordRecoveryModal({ claim, onClose }: { claim: ClaimDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<Values>();
  const [record, { loading, error }] = useMutation(RECORD_RECOVERY_MUTATION, { refetchQueries: 'active' });

  const onOk = async () => {
    // A failed validation is shown on the field; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const { data } = await record({
        variables: {
          input: {
            claimId: claim.id,
            amount: values.amount.trim(),
            receivedOn: values.receivedOn.format('YYYY-MM-DD'),
            idempotencyKey,
          },
        },
      });
      const recovery = data?.recordRecovery;
      message.success(
        recovery
          ? `已记录；应于 ${recovery.dueOn} 前返还 ${formatYuan(recovery.amountOwedToFund)}`
          : '已记录追偿收回',
      );
      onClose();
    } catch {
      // Shown in the dialog by `error`.
    }
  };

  return (
    <Modal open title="记录追偿收回" okText="记录" confirmLoading={loading} onOk={onOk} onCancel={onClose}>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'b', label: '损失基数 B', children: <Money value={claim.lossBase} /> },
          { key: 'f', label: '补偿资金 F', children: <Money value={claim.fundShare} /> },
          { key: 'paid', label: '支付日', children: claim.paidOn ?? '—' },
        ]}
      />
      {error && <ErrorAlert title="记录失败" error={error} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="amount"
          label="收回金额（元）"
          rules={[
            { required: true, message: '请填写收回金额' },
            {
              validator: (_, value: string | undefined) =>
                !value || isPositiveAmountInput(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入大于 0 的金额，最多两位小数，如 300000.00')),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="300000.00" />
        </Form.Item>
        <Form.Item name="receivedOn" label="收回日" rules={[{ required: true, message: '请选择收回日' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (claim.paidOn !== null && d.isBefore(dayjs(claim.paidOn), 'day'))
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
