import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
          ? t('claims.recordRecovery.recorded', {
              due: recovery.dueOn,
              amount: formatYuan(recovery.amountOwedToFund),
            })
          : t('claims.recordRecovery.recordedPlain'),
      );
      onClose();
    } catch {
      // Shown in the dialog by `error`.
    }
  };

  return (
    <Modal
      open
      title={t('claims.recordRecovery.title')}
      okText={t('claims.recordRecovery.ok')}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'b', label: t('claims.figure.lossBase'), children: <Money value={claim.lossBase} /> },
          { key: 'f', label: t('claims.figure.fundShare'), children: <Money value={claim.fundShare} /> },
          { key: 'paid', label: t('claims.recordRecovery.paidOn'), children: claim.paidOn ?? '—' },
        ]}
      />
      {error && <ErrorAlert title={t('claims.recordRecovery.failed')} error={error} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="amount"
          label={t('claims.recordRecovery.amount')}
          rules={[
            { required: true, message: t('claims.recordRecovery.amountRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || isPositiveAmountInput(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('claims.recordRecovery.amountInvalid'))),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="300000.00" />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('claims.recordRecovery.receivedOn')}
          rules={[{ required: true, message: t('claims.recordRecovery.receivedOnRequired') }]}
        >
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
