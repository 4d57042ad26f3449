import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { RECORD_REMITTANCE_MUTATION, type Recovery } from './claims.graphql';
import { newIdempotencyKey } from './idempotency';
import { Money } from './Money';
import { articleLabel } from './policyText';

function RecoveryFacts({ recovery }: { recovery: Recovery }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'r', label: t('claims.recovery.amount'), children: <Money value={recovery.amount} /> },
        { key: 'received', label: t('claims.recovery.receivedOn'), children: recovery.receivedOn },
        {
          key: 'owed',
          label: t('claims.recovery.owed'),
          children: <Money value={recovery.amountOwedToFund} />,
        },
        {
          key: 'due',
          label: t('claims.recovery.due'),
          children: (
            <>
              {recovery.dueOn} {recovery.overdue && <Tag color="red">{t('claims.recovery.overdue')}</Tag>}
            </>
          ),
        },
        ...(recovery.declaredRemittedOn
          ? [
              {
                key: 'declared',
                label: t('claims.recovery.declared'),
                children: t('claims.recovery.declaredValue', {
                  date: recovery.declaredRemittedOn,
                  reference: recovery.declaredReference
                    ? t('claims.recovery.declaredReference', { reference: recovery.declaredReference })
                    : '',
                }),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * Bank: declare that the fund's share of a recovery was remitted (R8, Art 18). A declaration moves
 * no money: the fund manager confirms it against the special account's statement. One key per dialog.
 */
export function RemitModal({ recovery, onClose }: { recovery: Recovery; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const article = provisionArticle(usePolicy(), 'recovery');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<{ remittedOn: Dayjs; reference?: string }>();
  const [remit, { loading, error }] = useMutation(RECORD_REMITTANCE_MUTATION, { refetchQueries: 'active' });

  const onOk = async () => {
    const values = await form.validateFields();
    try {
      await remit({
        variables: {
          recoveryId: recovery.id,
          idempotencyKey,
          declaration: {
            remittedOn: values.remittedOn.format('YYYY-MM-DD'),
            reference: values.reference?.trim() || null,
          },
        },
      });
      message.success(t('claims.remit.declared'));
      onClose();
    } catch {
      // Shown in the dialog by `error`; a retry reuses the key.
    }
  };

  return (
    <Modal
      open
      title={
        article
          ? t('claims.remit.titleWithArticle', { article: articleLabel(article) })
          : t('claims.remit.title')
      }
      okText={t('claims.remit.ok')}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ErrorAlert title={t('claims.remit.failed')} error={error} />}
      {recovery.remittanceStatus === 'REJECTED' && recovery.rejectionReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('claims.remit.lastRejected', { reason: recovery.rejectionReason })}
        />
      )}
      <RecoveryFacts recovery={recovery} />
      <Alert type="info" showIcon style={{ margin: '12px 0' }} title={t('claims.remit.note')} />
      <Form form={form} layout="vertical" initialValues={{ remittedOn: dayjs() }}>
        <Form.Item
          name="remittedOn"
          label={t('claims.remit.remittedOn')}
          rules={[{ required: true, message: t('claims.remit.remittedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reference" label={t('claims.remit.reference')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export { RecoveryFacts };
