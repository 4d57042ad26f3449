import type { TableColumnsType } from 'antd';
import { Popover, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { overdueThresholds } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { formatYuan } from '../../lib/money';
import { loanStatusColor, loanStatusLabel, overdueColor, reasonText } from './loanDisplay';
import type { LoanRow } from './loans.graphql';

// Tabular figures keep the digits of right-aligned amounts in columns.
const money = (value: string) => (
  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(value)}</span>
);

/** 纳入补偿 / 不予补偿, with every reason and its article on hover (R2). */
export function CoverageTag({ loan }: { loan: Pick<LoanRow, 'covered' | 'coverageReasons'> }) {
  const { t } = useTranslation();
  const reasons = (
    <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }}>
      {loan.coverageReasons.map((r) => (
        <li key={`${r.article}-${r.code}`}>{reasonText(r)}</li>
      ))}
    </ul>
  );
  return (
    <Popover
      title={loan.covered ? t('loans.coverage.coveredTitle') : t('loans.coverage.notCoveredTitle')}
      content={reasons}
    >
      <Tag color={loan.covered ? 'green' : 'volcano'} style={{ cursor: 'help' }}>
        {loan.covered ? t('loans.coverage.COVERED') : t('loans.coverage.NOT_COVERED')}
      </Tag>
    </Popover>
  );
}

/** Overdue days, coloured by the policy's risk and claim thresholds. */
function OverdueDays({ days }: { days: number }) {
  const color = overdueColor(days, overdueThresholds(usePolicy()));
  return color ? <Tag color={color}>{days}</Tag> : days;
}

/**
 * 贷款台账's columns. The figures people look for — balance, issue date, days overdue, status,
 * coverage — come right after the contract and the borrower, so they are on screen at 1440 px before
 * any horizontal scroll; the parties and the original amounts follow (issue 11). Keys are stable:
 * the column settings remember hidden columns by them, and sortable ones map to the API's sort. Built
 * with the current language's `t` (the page passes it, so a language switch rebuilds the titles).
 */
export function loanColumns(t: TFunction): TableColumnsType<LoanRow> {
  return [
    {
      title: t('loans.field.contractNo'),
      dataIndex: 'contractNo',
      key: 'contractNo',
      fixed: 'left',
      width: 150,
    },
    {
      title: t('loans.field.enterprise'),
      dataIndex: ['enterprise', 'name'],
      key: 'enterprise',
      width: 190,
      ellipsis: true,
    },
    {
      title: t('loans.field.outstandingPrincipal'),
      dataIndex: 'outstandingPrincipal',
      key: 'outstandingPrincipal',
      align: 'right',
      width: 140,
      render: money,
    },
    { title: t('loans.field.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', width: 110 },
    {
      title: t('loans.field.overdueDays'),
      dataIndex: 'overdueDays',
      key: 'overdueDays',
      align: 'right',
      width: 100,
      render: (days: number) => <OverdueDays days={days} />,
    },
    {
      title: t('loans.field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: string) => <Tag color={loanStatusColor(status)}>{loanStatusLabel(status)}</Tag>,
    },
    {
      title: t('loans.field.covered'),
      dataIndex: 'covered',
      key: 'covered',
      width: 100,
      render: (_: unknown, loan: LoanRow) => <CoverageTag loan={loan} />,
    },
    { title: t('loans.field.bank'), dataIndex: ['bank', 'name'], key: 'bank', width: 170, ellipsis: true },
    {
      title: t('loans.field.guarantor'),
      dataIndex: ['guarantor', 'name'],
      key: 'guarantor',
      width: 230,
      render: (_: unknown, loan: LoanRow) =>
        loan.guarantor ? (
          <span>
            {loan.guarantor.name}{' '}
            {loan.acknowledgedAt ? (
              <Tag color="blue">{t('loans.columns.acknowledged')}</Tag>
            ) : (
              <Tag color="gold">{t('loans.columns.awaitingAcknowledgement')}</Tag>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('loans.columns.twoParty')}</Typography.Text>
        ),
    },
    {
      title: t('loans.field.principal'),
      dataIndex: 'principal',
      key: 'principal',
      align: 'right',
      width: 140,
      render: money,
    },
    {
      title: t('loans.field.ipPledgedPrincipal'),
      dataIndex: 'ipPledgedPrincipal',
      key: 'ipPledgedPrincipal',
      align: 'right',
      width: 150,
      render: money,
    },
  ];
}

/** Hidden until the user shows them (列设置): the original amounts, which the balance supersedes day to day. */
export const LOAN_COLUMNS_HIDDEN_BY_DEFAULT = ['ipPledgedPrincipal'];
