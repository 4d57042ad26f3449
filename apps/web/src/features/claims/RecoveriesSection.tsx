import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { usePolicy } from '../../app/useViewer';
import type { ClaimDetail, Recovery } from './claims.graphql';
import { articleLabel } from './policyText';
import { recoveryColumns, remitColumn } from './recoveryColumns';
import { RecordRecoveryModal } from './RecordRecoveryModal';
import { RemitModal } from './RemitModal';
import { ConfirmRemittanceModal } from './ConfirmRemittanceModal';

/** R8: after the payout the bank records what it recovers and remits the fund's share in time. */
export function RecoveriesSection({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const policy = usePolicy();
  const [recording, setRecording] = useState(false);
  const [remitting, setRemitting] = useState<Recovery | null>(null);
  const [confirming, setConfirming] = useState<Recovery | null>(null);

  const columns: TableColumnsType<Recovery> = [
    ...recoveryColumns(t),
    remitColumn(t, setRemitting, setConfirming),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        {policy && (
          <Typography.Text type="secondary">
            {t('claims.recoveries.rule', {
              days: policy.remittanceDays.value,
              article: articleLabel(policy.remittanceDays.article),
            })}
          </Typography.Text>
        )}
        {can(claim, 'recovery.record') && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('claims.recoveries.record')}
          </Button>
        )}
      </Space>
      <Table<Recovery>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={claim.recoveries}
        columns={columns}
        locale={{ emptyText: t('claims.recoveries.empty') }}
      />
      {recording && <RecordRecoveryModal claim={claim} onClose={() => setRecording(false)} />}
      {remitting && <RemitModal recovery={remitting} onClose={() => setRemitting(null)} />}
      {confirming && <ConfirmRemittanceModal recovery={confirming} onClose={() => setConfirming(null)} />}
    </Space>
  );
}
