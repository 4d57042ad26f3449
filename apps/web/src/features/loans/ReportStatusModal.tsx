import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      message.success(
        updated?.status === 'CLOSED'
          ? t('loans.report.closedDone', { contractNo: loan.contractNo })
          : t('loans.report.done'),
      );
      onClose();
    } catch {
      // shown through `error`
    }
  };

  return (
    <Modal
      open
      title={t('loans.report.title', { contractNo: loan.contractNo })}
      okText={t('loans.report.ok')}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
    >
      {error && <ErrorAlert title={t('loans.report.failed')} error={error} />}
      <Descriptions
        size="small"
        column={2}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'p', label: t('loans.field.principal'), children: formatYuan(loan.principal) },
          {
            key: 'o',
            label: t('loans.report.currentBalance'),
            children: formatYuan(loan.outstandingPrincipal),
          },
          { key: 'a', label: t('loans.report.lastReport'), children: loan.statusAsOf ?? '—' },
          {
            key: 'd',
            label: t('loans.field.earliestUnpaidDueDate'),
            children: loan.earliestUnpaidDueDate ?? '—',
          },
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
        <Form.Item
          name="asOf"
          label={t('loans.field.asOf')}
          rules={[{ required: true, message: t('loans.report.asOfRequired') }]}
        >
          <DatePicker
            disabledDate={(d) =>
              (businessDate ? d.isAfter(dayjs(businessDate), 'day') : false) ||
              d.isBefore(dayjs(loan.statusAsOf ?? loan.issuedOn), 'day')
            }
          />
        </Form.Item>
        <Form.Item
          name="outstandingPrincipal"
          label={t('loans.report.outstanding')}
          extra={t('loans.report.outstandingExtra')}
          rules={[
            { required: true, message: t('loans.report.outstandingRequired') },
            {
              validator: (_: unknown, value: string | undefined) => {
                const v = value ? normalizeYuan(value) : null;
                if (!v) return Promise.reject(new Error(t('loans.amountInvalid')));
                if (compareYuan(v, loan.principal) > 0)
                  return Promise.reject(new Error(t('loans.report.exceedsPrincipal')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="earliestUnpaidDueDate"
          label={t('loans.field.earliestUnpaidDueDate')}
          extra={t('loans.report.earliestExtra')}
        >
          <DatePicker allowClear />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {t('loans.report.note')}
        {policy &&
          t('loans.report.noteRisk', {
            days: policy.riskOverdueDays.value,
            article: articleLabel(policy.riskOverdueDays.article),
          })}
        {t('loans.report.noteEnd')}
      </Typography.Text>
    </Modal>
  );
}
