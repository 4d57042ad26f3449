import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Descriptions, Modal, Tag } from 'antd';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ApiErrorAlert } from './ApiErrorAlert';
import { RECORD_REMITTANCE_MUTATION, type Recovery } from './claims.graphql';
import { newIdempotencyKey } from './idempotency';
import { Money } from './Money';
import { articleLabel } from './policyText';

/** Bank: record that the fund's share of a recovery was remitted (R8). One key per dialog. */
export function RemitModal({ recovery, onClose }: { recovery: Recovery; onClose: () => void }) {
  const { message } = App.useApp();
  const article = provisionArticle(usePolicy(), 'recovery');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [remit, { loading, error }] = useMutation(RECORD_REMITTANCE_MUTATION, { refetchQueries: 'active' });

  const onOk = async () => {
    try {
      await remit({ variables: { recoveryId: recovery.id, idempotencyKey } });
      message.success('已记录返还');
      onClose();
    } catch {
      // Shown in the dialog by `error`; a retry reuses the key.
    }
  };

  return (
    <Modal
      open
      title={article ? `记录追偿返还（${articleLabel(article)}）` : '记录追偿返还'}
      okText="确认已返还"
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ApiErrorAlert title="记录失败" error={error} />}
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
        ]}
      />
    </Modal>
  );
}
