import type { TableColumnType, TableColumnsType } from 'antd';
import { Button, Tag } from 'antd';
import type { OrgKind } from '@ipfund/shared';
import { canRecordRemittance } from './access';
import type { Recovery } from './claims.graphql';
import { renderMoney } from './Money';
import { REMITTANCE_STATE_TAGS, remittanceState } from './progress';

/** Art 18: each recovery R, what the bank owes back (R × F ÷ B) and by when. */
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

/** The action column: a bank records the remittance of a recovery it has not yet remitted. */
export function remitColumn(
  kind: OrgKind | undefined,
  onRemit: (recovery: Recovery) => void,
): TableColumnType<Recovery> {
  return {
    title: '操作',
    key: 'remit',
    render: (_: unknown, recovery) =>
      canRecordRemittance(kind, recovery) && (
        <Button size="small" onClick={() => onRemit(recovery)}>
          记录返还
        </Button>
      ),
  };
}
