import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatYuan } from '../../lib/money';
import { articleLabel, compareYuan, normalizeYuan } from './loanDisplay';
import { REPORT_LOAN_STATUS_MUTATION, type LoanRow } from './loans.graphql';

interface Values {
  asOf: Dayjs;
  outstandingPrincipal: string;
  earliestUnpaidDueDate?: Dayjs | null;
}

/**
 * 状态报告 (Art 12, 16): the bank reports a loan's outstanding principal and earliest unpaid due date
 * as of a date (not after the business date, not before the last report). Outstanding 0 closes it.
 */
export function ReportStatusModal({
  loan,
  businessDate,
  onClose,
}: {
  loan: LoanRow;
  businessDate: string | undefined;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const policy = usePolicy();
  const [form] = Form.useForm<Values>();
  const [report, { loading, error }] = useMutation(REPORT_LOAN_STATUS_MUTATION, { refetchQueries: 'active' });

  const onOk = async () => {
    const v = await form.validateFields();
    const outstanding = normalizeYuan(v.outstandingPrincipal)!;
    try {
      const res = await report({
        variables: {
          input: {
            loanId: loan.id,
            asOf: v.asOf.format('YYYY-MM-DD'),
            outstandingPrincipal: outstanding,
            earliestUnpaidDueDate: v.earliestUnpaidDueDate
              ? v.earliestUnpaidDueDate.format('YYYY-MM-DD')
              : null,
          },
        },
      });
      const updated = res.data?.reportLoanStatus;
      message.success(updated?.status === 'CLOSED' ? `贷款 ${loan.contractNo} 已结清` : '状态已报告');
      onClose();
    } catch {
      // shown through `error`
    }
  };

  return (
    <Modal
      open
      title={`状态报告 · ${loan.contractNo}`}
      okText="报告"
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ErrorAlert title="报告失败" error={error} />}
      <Descriptions
        size="small"
        column={2}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'p', label: '贷款本金', children: formatYuan(loan.principal) },
          { key: 'o', label: '当前余额', children: formatYuan(loan.outstandingPrincipal) },
          { key: 'a', label: '上次报告日', children: loan.statusAsOf ?? '—' },
          { key: 'd', label: '最早未还到期日', children: loan.earliestUnpaidDueDate ?? '—' },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          asOf: businessDate ? dayjs(businessDate) : undefined,
          outstandingPrincipal: loan.outstandingPrincipal,
          earliestUnpaidDueDate: loan.earliestUnpaidDueDate ? dayjs(loan.earliestUnpaidDueDate) : null,
        }}
      >
        <Form.Item name="asOf" label="报告日期" rules={[{ required: true, message: '请选择报告日期' }]}>
          <DatePicker
            disabledDate={(d) =>
              (businessDate ? d.isAfter(dayjs(businessDate), 'day') : false) ||
              d.isBefore(dayjs(loan.statusAsOf ?? loan.issuedOn), 'day')
            }
          />
        </Form.Item>
        <Form.Item
          name="outstandingPrincipal"
          label="贷款余额（元）"
          extra="余额为 0 即结清"
          rules={[
            { required: true, message: '请输入余额' },
            {
              validator: (_: unknown, value: string | undefined) => {
                const v = value ? normalizeYuan(value) : null;
                if (!v) return Promise.reject(new Error('请输入金额（元，最多两位小数）'));
                if (compareYuan(v, loan.principal) > 0) return Promise.reject(new Error('余额不能超过本金'));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="earliestUnpaidDueDate" label="最早未还到期日" extra="无到期未还款项时留空">
          <DatePicker allowClear />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        逾期天数按业务日期计算
        {policy &&
          `；逾期 ${policy.riskOverdueDays.value} 天以上计入银行风险比例（${articleLabel(policy.riskOverdueDays.article)}）`}
        。
      </Typography.Text>
    </Modal>
  );
}
