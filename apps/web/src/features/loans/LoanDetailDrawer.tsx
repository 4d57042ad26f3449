import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { formatYuan } from '../../lib/money';
import { CoverageTag } from './loanColumns';
import { loanStatusColor, loanStatusLabel, purposeLabel, reasonText } from './loanDisplay';
import { LOAN_DETAIL_QUERY, type LoanStatusReport } from './loans.graphql';
import { PlainList } from '../../lib/PlainList';

const SOURCE_LABELS: Record<string, string> = { REGISTRATION: '登记', REPORT: '报告', TAPE: '批量导入' };

/** One loan: parties, amounts, pledged IP, coverage reasons and the whole status history. */
export function LoanDetailDrawer({ loanId, onClose }: { loanId: string; onClose: () => void }) {
  const { data, loading, error } = useQuery(LOAN_DETAIL_QUERY, {
    variables: { id: loanId },
    fetchPolicy: 'cache-and-network',
  });
  const loan = data?.loan;
  return (
    <Drawer
      open
      title={loan ? `贷款 ${loan.contractNo}` : '贷款'}
      size={760}
      onClose={onClose}
      loading={loading && !loan}
    >
      {error && <Alert type="error" showIcon title="加载失败" description={error.message} />}
      {loan && (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'e', label: '企业', children: loan.enterprise.name },
              { key: 'b', label: '贷款银行', children: loan.bank.name },
              {
                key: 'g',
                label: '担保机构',
                children: loan.guarantor
                  ? `${loan.guarantor.name}${loan.acknowledgedAt ? `（${loan.acknowledgedBy ?? ''} 已确认）` : '（待确认）'}`
                  : '—（两方贷款）',
              },
              { key: 'u', label: '用途', children: purposeLabel(loan.purpose) },
              { key: 'p', label: '贷款本金', children: formatYuan(loan.principal) },
              { key: 'ip', label: '知识产权质押部分', children: formatYuan(loan.ipPledgedPrincipal) },
              { key: 'o', label: '贷款余额', children: formatYuan(loan.outstandingPrincipal) },
              { key: 'd', label: '放款日 / 到期日', children: `${loan.issuedOn} / ${loan.maturesOn}` },
              {
                key: 's',
                label: '状态',
                children: <Tag color={loanStatusColor(loan.status)}>{loanStatusLabel(loan.status)}</Tag>,
              },
              { key: 'od', label: '逾期天数', children: loan.overdueDays },
              { key: 'c', label: '风险补偿', children: <CoverageTag loan={loan} />, span: 2 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {loan.covered ? '纳入补偿的依据' : '不予补偿的原因'}
          </Typography.Title>
          <PlainList
            size="small"
            items={loan.coverageReasons}
            rowKey={(r, i) => `${r.code}-${i}`}
            renderItem={(r) => reasonText(r)}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            质押知识产权
          </Typography.Title>
          <PlainList
            size="small"
            empty="无"
            items={loan.collateral}
            rowKey={(a) => a.id}
            renderItem={(a) => (
              <>
                <Tag>{a.kind === 'PATENT' ? '专利' : '商标'}</Tag>
                {a.registrationNo} {a.title}
              </>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            状态报告记录
          </Typography.Title>
          <Table<LoanStatusReport>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={loan.statusReports}
            columns={[
              { title: '报告日期', dataIndex: 'asOf' },
              {
                title: '余额',
                dataIndex: 'outstandingPrincipal',
                align: 'right',
                render: (v: string) => formatYuan(v),
              },
              {
                title: '最早未还到期日',
                dataIndex: 'earliestUnpaidDueDate',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '来源',
                dataIndex: 'source',
                render: (s: string, r) => `${SOURCE_LABELS[s] ?? s}${r.fileName ? `（${r.fileName}）` : ''}`,
              },
              { title: '记录业务日', dataIndex: 'businessDate' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
