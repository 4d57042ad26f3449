import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { can } from '../../app/access';
import { usePolicy } from '../../app/useViewer';
import type { ClaimDetail, Recovery } from './claims.graphql';
import { articleLabel } from './policyText';
import { RECOVERY_COLUMNS, remitColumn } from './recoveryColumns';
import { RecordRecoveryModal } from './RecordRecoveryModal';
import { RemitModal } from './RemitModal';
import { ConfirmRemittanceModal } from './ConfirmRemittanceModal';

/** R8: after the payout the bank records what it recovers and remits the fund's share in time. */
export function RecoveriesSection({ claim }: { claim: ClaimDetail }) {
  const policy = usePolicy();
  const [recording, setRecording] = useState(false);
  const [remitting, setRemitting] = useState<Recovery | null>(null);
  const [confirming, setConfirming] = useState<Recovery | null>(null);

  const columns: TableColumnsType<Recovery> = [...RECOVERY_COLUMNS, remitColumn(setRemitting, setConfirming)];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        {policy && (
          <Typography.Text type="secondary">
            银行每收回一笔款项 R，应在 {policy.remittanceDays.value} 日内向资金返还 R × F ÷ B（
            {articleLabel(policy.remittanceDays.article)}）。
          </Typography.Text>
        )}
        {can(claim, 'recovery.record') && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            记录追偿收回
          </Button>
        )}
      </Space>
      <Table<Recovery>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={claim.recoveries}
        columns={columns}
        locale={{ emptyText: '暂无追偿收回记录' }}
      />
      {recording && <RecordRecoveryModal claim={claim} onClose={() => setRecording(false)} />}
      {remitting && <RemitModal recovery={remitting} onClose={() => setRemitting(null)} />}
      {confirming && <ConfirmRemittanceModal recovery={confirming} onClose={() => setConfirming(null)} />}
    </Space>
  );
}
