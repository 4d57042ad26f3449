import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../lib/money';
import { ipKindLabel } from '../enterprises/enterpriseDisplay';
import { CoverageTag } from './loanColumns';
import { loanStatusColor, loanStatusLabel, purposeLabel, reasonText } from './loanDisplay';
import { zh } from './i18n';
import { LOAN_DETAIL_QUERY, type LoanStatusReport } from './loans.graphql';
import { PlainList } from '../../lib/PlainList';

/** One loan: parties, amounts, pledged IP, coverage reasons and the whole status history. */
export function LoanDetailDrawer({ loanId, onClose }: { loanId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const sourceLabel = (s: string) =>
    Object.hasOwn(zh.detail.sourceKind, s) ? t(`loans.detail.sourceKind.${s}`) : s;
  const { data, loading, error } = useQuery(LOAN_DETAIL_QUERY, {
    variables: { id: loanId },
    fetchPolicy: 'cache-and-network',
  });
  const loan = data?.loan;
  return (
    <Drawer
      open
      title={loan ? t('loans.detail.title', { contractNo: loan.contractNo }) : t('loans.detail.titleLoading')}
      size={760}
      onClose={onClose}
      loading={loading && !loan}
    >
      {error && (
        <Alert type="error" showIcon title={t('loans.detail.loadFailed')} description={error.message} />
      )}
      {loan && (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'e', label: t('loans.field.enterprise'), children: loan.enterprise.name },
              { key: 'b', label: t('loans.field.bank'), children: loan.bank.name },
              {
                key: 'g',
                label: t('loans.field.guarantor'),
                children: loan.guarantor
                  ? loan.acknowledgedAt
                    ? t('loans.detail.guarantorAcknowledged', {
                        name: loan.guarantor.name,
                        by: loan.acknowledgedBy ?? '',
                      })
                    : t('loans.detail.guarantorAwaiting', { name: loan.guarantor.name })
                  : t('loans.detail.twoPartyLoan'),
              },
              { key: 'u', label: t('loans.detail.purpose'), children: purposeLabel(loan.purpose) },
              { key: 'p', label: t('loans.field.principal'), children: formatYuan(loan.principal) },
              {
                key: 'ip',
                label: t('loans.field.ipPledgedPrincipal'),
                children: formatYuan(loan.ipPledgedPrincipal),
              },
              {
                key: 'o',
                label: t('loans.field.outstandingPrincipal'),
                children: formatYuan(loan.outstandingPrincipal),
              },
              { key: 'd', label: t('loans.detail.dates'), children: `${loan.issuedOn} / ${loan.maturesOn}` },
              {
                key: 's',
                label: t('loans.field.status'),
                children: <Tag color={loanStatusColor(loan.status)}>{loanStatusLabel(loan.status)}</Tag>,
              },
              { key: 'od', label: t('loans.field.overdueDays'), children: loan.overdueDays },
              { key: 'c', label: t('loans.field.covered'), children: <CoverageTag loan={loan} />, span: 2 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {loan.covered ? t('loans.detail.coveredBasis') : t('loans.detail.notCoveredReasons')}
          </Typography.Title>
          <PlainList
            size="small"
            items={loan.coverageReasons}
            rowKey={(r, i) => `${r.code}-${i}`}
            renderItem={(r) => reasonText(r)}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('loans.detail.collateral')}
          </Typography.Title>
          <PlainList
            size="small"
            empty={t('loans.detail.none')}
            items={loan.collateral}
            rowKey={(a) => a.id}
            renderItem={(a) => (
              <>
                <Tag>{ipKindLabel(a.kind)}</Tag>
                {a.registrationNo} {a.title}
              </>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('loans.detail.statusReports')}
          </Typography.Title>
          <Table<LoanStatusReport>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={loan.statusReports}
            columns={[
              { title: t('loans.field.asOf'), dataIndex: 'asOf' },
              {
                title: t('loans.detail.balance'),
                dataIndex: 'outstandingPrincipal',
                align: 'right',
                render: (v: string) => formatYuan(v),
              },
              {
                title: t('loans.field.earliestUnpaidDueDate'),
                dataIndex: 'earliestUnpaidDueDate',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('loans.detail.source'),
                dataIndex: 'source',
                render: (s: string, r) =>
                  r.fileName
                    ? t('loans.detail.sourceWithFile', { source: sourceLabel(s), fileName: r.fileName })
                    : sourceLabel(s),
              },
              { title: t('loans.detail.recordedOn'), dataIndex: 'businessDate' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
