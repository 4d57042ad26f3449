import type { TableColumnsType } from 'antd';
import { Tag } from 'antd';
import { formatYuan } from '../../lib/money';
import { loanStatusColor, loanStatusLabel, overdueColor } from './loanDisplay';
import type { LoanRow } from './loans.graphql';

// Tabular figures keep the digits of right-aligned amounts in columns.
const money = (value: string) => (
  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(value)}</span>
);

export const LOAN_COLUMNS: TableColumnsType<LoanRow> = [
  { title: '合同编号', dataIndex: 'contractNo', fixed: 'left' },
  { title: '企业', dataIndex: ['enterprise', 'name'] },
  { title: '贷款银行', dataIndex: ['bank', 'name'] },
  {
    title: '担保机构',
    dataIndex: ['guarantor', 'name'],
    render: (_: unknown, loan: LoanRow) => loan.guarantor?.name ?? '—',
  },
  { title: '贷款本金', dataIndex: 'principal', align: 'right', render: money },
  { title: '知识产权质押部分', dataIndex: 'ipPledgedPrincipal', align: 'right', render: money },
  { title: '贷款余额', dataIndex: 'outstandingPrincipal', align: 'right', render: money },
  { title: '放款日', dataIndex: 'issuedOn' },
  {
    title: '逾期天数',
    dataIndex: 'overdueDays',
    align: 'right',
    render: (days: number) => {
      const color = overdueColor(days);
      return color ? <Tag color={color}>{days}</Tag> : days;
    },
  },
  {
    title: '状态',
    dataIndex: 'status',
    render: (status: string) => <Tag color={loanStatusColor(status)}>{loanStatusLabel(status)}</Tag>,
  },
];
