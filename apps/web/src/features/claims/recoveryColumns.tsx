import type { TableColumnType, TableColumnsType } from 'antd';
import { Button, Tag } from 'antd';
import { can } from '../../app/access';
import type { Recovery } from './claims.graphql';
import { renderMoney } from './Money';
import { REMITTANCE_STATE_TAGS, remittanceState } from './progress';

/** R8: each recovery R, what the bank owes back (R × F ÷ B) and by when. */
export const RECOVERY_COLUMNS: TableColumnsType<Recovery> = [
  { title: '收回金额 R', dataIndex: 'amount', align: 'right', render: renderMoney },
  { title: '收回日', dataIndex: 'receivedOn' },
  { title: '应返还 R×F÷B', dataIndex: 'amountOwedToFund', align: 'right', render: renderMoney },
  { title: '返还截止日', dataIndex: 'dueOn' },
  { title: '已返还日', dataIndex: 'remittedOn', render: (d: string | null) => d ?? '—' },
  {
    title: '状态',
    key: 'state',
    render: (_: unknown, recovery: Recovery) => {
      const tag = REMITTANCE_STATE_TAGS[remittanceState(recovery)];
      return <Tag color={tag.color}>{tag.label}</Tag>;
    },
  },
];

/**
 * The action column: the bank declares a remittance (`recovery.remit`); the fund manager confirms or
 * rejects a declaration (`recovery.confirmRemittance`), as each recovery's `viewerCan` says.
 */
export function remitColumn(
  onRemit: (recovery: Recovery) => void,
  onConfirm?: (recovery: Recovery) => void,
): TableColumnType<Recovery> {
  return {
    title: '操作',
    key: 'remit',
    render: (_: unknown, recovery) => {
      if (can(recovery, 'recovery.remit')) {
        return (
          <Button size="small" onClick={() => onRemit(recovery)}>
            申报返还
          </Button>
        );
      }
      if (onConfirm && can(recovery, 'recovery.confirmRemittance')) {
        return (
          <Button size="small" type="primary" onClick={() => onConfirm(recovery)}>
            确认到账
          </Button>
        );
      }
      return null;
    },
  };
}
