import type { TableColumnType, TableColumnsType } from 'antd';
import { Button, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { can } from '../../app/access';
import type { Recovery } from './claims.graphql';
import { renderMoney } from './Money';
import { remittanceState, remittanceStateTag } from './progress';

/** R8: each recovery R, what the bank owes back (R × F ÷ B) and by when; titles in the language of `t`. */
export function recoveryColumns(t: TFunction): TableColumnsType<Recovery> {
  return [
    { title: t('claims.recovery.amount'), dataIndex: 'amount', align: 'right', render: renderMoney },
    { title: t('claims.recovery.receivedOn'), dataIndex: 'receivedOn' },
    { title: t('claims.recovery.owed'), dataIndex: 'amountOwedToFund', align: 'right', render: renderMoney },
    { title: t('claims.recovery.dueOn'), dataIndex: 'dueOn' },
    {
      title: t('claims.recovery.remittedOn'),
      dataIndex: 'remittedOn',
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('claims.recovery.state'),
      key: 'state',
      render: (_: unknown, recovery: Recovery) => {
        const tag = remittanceStateTag(remittanceState(recovery));
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
  ];
}

/**
 * The action column: the bank declares a remittance (`recovery.remit`); the fund manager confirms or
 * rejects a declaration (`recovery.confirmRemittance`), as each recovery's `viewerCan` says.
 */
export function remitColumn(
  t: TFunction,
  onRemit: (recovery: Recovery) => void,
  onConfirm?: (recovery: Recovery) => void,
): TableColumnType<Recovery> {
  return {
    title: t('claims.recovery.actions'),
    key: 'remit',
    render: (_: unknown, recovery) => {
      if (can(recovery, 'recovery.remit')) {
        return (
          <Button size="small" onClick={() => onRemit(recovery)}>
            {t('claims.recovery.remit')}
          </Button>
        );
      }
      if (onConfirm && can(recovery, 'recovery.confirmRemittance')) {
        return (
          <Button size="small" type="primary" onClick={() => onConfirm(recovery)}>
            {t('claims.recovery.confirm')}
          </Button>
        );
      }
      return null;
    },
  };
}
