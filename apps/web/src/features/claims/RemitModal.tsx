import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { RECORD_REMITTANCE_MUTATION, type Recovery } from './claims.graphql';
import { newIdempotencyKey } from './idempotency';
import { Money } from './Money';
import { articleLabel } from './policyText';

function RecoveryFacts({ recovery }: { recovery: Recovery }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'r', label: '收回金额 R', children: <Money value={recovery.amount} /> },
        { key: 'received', label: '收回日', children: recovery.receivedOn },
        { key: 'owed', label: '应返还 R×F÷B', children: <Money value={recovery.amountOwedToFund} /> },
        {
          key: 'due',
          label: '截止日',
          children: (
            <>
              {recovery.dueOn} {recovery.overdue && <Tag color="red">逾期</Tag>}
            </>
          ),
        },
        ...(recovery.declaredRemittedOn
          ? [
              {
                key: 'declared',
                label: '银行申报',
                children: `${recovery.declaredRemittedOn} 汇出${recovery.declaredReference ? `（${recovery.declaredReference}）` : ''}`,
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
      message.success('已申报，待资金管理人确认到账');
      onClose();
    } catch {
      // Shown in the dialog by `error`; a retry reuses the key.
    }
  };

  return (
    <Modal
      open
      title={article ? `申报追偿返还（${articleLabel(article)}）` : '申报追偿返还'}
      okText="提交申报"
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ErrorAlert title="申报失败" error={error} />}
      {recovery.remittanceStatus === 'REJECTED' && recovery.rejectionReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`上次申报被退回：${recovery.rejectionReason}`}
        />
      )}
      <RecoveryFacts recovery={recovery} />
      <Alert
        type="info"
        showIcon
        style={{ margin: '12px 0' }}
        message="申报后由资金管理人按专户银行流水确认到账，确认后方记入资金账簿。"
      />
      <Form form={form} layout="vertical" initialValues={{ remittedOn: dayjs() }}>
        <Form.Item name="remittedOn" label="汇出日期" rules={[{ required: true, message: '请选择汇出日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reference" label="汇款流水号（选填）" rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export { RecoveryFacts };
