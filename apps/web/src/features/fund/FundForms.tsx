import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/ErrorAlert';
import { formatYuan } from '../../lib/money';
import { newIdempotencyKey } from '../claims/idempotency';
import { RECORD_CONTRIBUTION_MUTATION, SUBMIT_PLAN_MUTATION, type AnnualWorkPlan } from './fund.graphql';
import { normalizeAmount } from './fundDisplay';

/** Everything a governance change can move: the page's four reads and the fund status elsewhere. */
export const FUND_QUERIES_TO_REFETCH = [
  'FundOverview',
  'CapitalContributions',
  'AnnualWorkPlans',
  'FundTermination',
  'FundStatus',
];

/** One idempotency key per opening of a form: a double submit or a retry after a failure posts once. */
export function useSubmissionKey(open: boolean): string {
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (open) setKey(newIdempotencyKey());
  }, [open]);
  return key;
}

interface ContributionValues {
  amount: string;
  contributedOn: Dayjs;
  documentRef: string;
  memo?: string;
}

/** The finance bureau records a capital contribution (Art 3, 5); it is posted to the principal. */
export function ContributionModal({
  open,
  businessDate,
  article,
  onClose,
}: {
  open: boolean;
  businessDate: string;
  /** "第三条" — the article the policy cites for capital contributions, if any. */
  article: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContributionValues>();
  const key = useSubmissionKey(open);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const [record, { loading }] = useMutation(RECORD_CONTRIBUTION_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFETCH,
    awaitRefetchQueries: true,
  });

  useEffect(() => {
    if (open) {
      setFailure(null);
      form.resetFields();
    }
  }, [open, form]);

  async function submit() {
    const values = await form.validateFields();
    const amount = normalizeAmount(values.amount);
    if (!amount) return;
    setFailure(null);
    try {
      const { data } = await record({
        variables: {
          input: {
            amount,
            contributedOn: values.contributedOn.format('YYYY-MM-DD'),
            documentRef: values.documentRef.trim(),
            memo: values.memo?.trim() || null,
            // The same key on a retry from this dialog answers the first contribution: posted once.
            idempotencyKey: key,
          },
        },
      });
      message.success(
        t('fund.contributions.done', {
          amount: formatYuan(data?.recordCapitalContribution.amount ?? amount),
        }),
      );
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <Modal
      title={t('fund.contributions.modalTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('fund.contributions.submit')}
      cancelText={t('fund.common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={`${t('fund.contributions.note')}${article ? `（${article}）` : ''}`}
        style={{ marginBottom: 16 }}
      />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ contributedOn: dayjs(businessDate) }}
        requiredMark={false}
      >
        <Form.Item
          name="amount"
          label={t('fund.contributions.amount')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                value && normalizeAmount(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('fund.contributions.amountRequired'))),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="2000000.00" autoFocus data-testid="contribution-amount" />
        </Form.Item>
        <Form.Item
          name="contributedOn"
          label={t('fund.contributions.contributedOn')}
          rules={[{ required: true, message: t('fund.contributions.dateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > businessDate}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item
          name="documentRef"
          label={t('fund.contributions.documentRef')}
          rules={[
            { required: true, whitespace: true, message: t('fund.contributions.documentRequired') },
            { max: 100 },
          ]}
        >
          <Input
            maxLength={100}
            placeholder={t('fund.contributions.documentPlaceholder')}
            data-testid="contribution-document"
          />
        </Form.Item>
        <Form.Item name="memo" label={t('fund.contributions.memo')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PlanValues {
  year: number;
  title: string;
  summary: string;
  plannedLoanVolume?: string;
  plannedCompensation?: string;
  plannedEnterprises?: number | null;
}

/**
 * The manager submits the year's work plan, or revises a returned one (`plan` given: its year is
 * fixed and its text is the starting point). Art 6.5.
 */
export function PlanModal({
  open,
  plan,
  years,
  onClose,
}: {
  open: boolean;
  /** The returned plan being revised; undefined for a new plan. */
  plan: AnnualWorkPlan | undefined;
  /** The years a new plan may be submitted for. */
  years: number[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const [submitPlan, { loading }] = useMutation(SUBMIT_PLAN_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFETCH,
    awaitRefetchQueries: true,
  });

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      plan
        ? {
            year: plan.year,
            title: plan.title,
            summary: plan.summary,
            plannedLoanVolume: plan.plannedLoanVolume ?? undefined,
            plannedCompensation: plan.plannedCompensation ?? undefined,
            plannedEnterprises: plan.plannedEnterprises,
          }
        : { year: years[0] },
    );
  }, [open, plan, years, form]);

  const figure = (value: string | undefined): string | null => {
    if (!value || !value.trim()) return null;
    return normalizeAmount(value, false);
  };

  async function submit() {
    const values = await form.validateFields();
    setFailure(null);
    try {
      await submitPlan({
        variables: {
          input: {
            year: values.year,
            title: values.title.trim(),
            summary: values.summary.trim(),
            plannedLoanVolume: figure(values.plannedLoanVolume),
            plannedCompensation: figure(values.plannedCompensation),
            plannedEnterprises: values.plannedEnterprises ?? null,
          },
        },
      });
      message.success(t('fund.plan.submitted'));
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  const figureRule = {
    validator: (_: unknown, value: string | undefined) =>
      !value || !value.trim() || normalizeAmount(value, false)
        ? Promise.resolve()
        : Promise.reject(new Error(t('fund.plan.figureInvalid'))),
  };

  return (
    <Modal
      title={plan ? t('fund.plan.modalReviseTitle', { year: plan.year }) : t('fund.plan.modalSubmitTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={plan ? t('fund.plan.revise') : t('fund.plan.submit')}
      cancelText={t('fund.common.cancel')}
      confirmLoading={loading}
      width={640}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="year" label={t('fund.plan.year')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(plan)}
            options={(plan ? [plan.year] : years).map((y) => ({
              value: y,
              label: t('fund.plan.yearValue', { year: y }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('fund.plan.planTitle')}
          rules={[{ required: true, whitespace: true, message: t('fund.plan.titleRequired') }, { max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('fund.plan.summary')}
          rules={[
            { required: true, whitespace: true, message: t('fund.plan.summaryRequired') },
            { max: 5000 },
          ]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="plannedLoanVolume" label={t('fund.plan.plannedLoanVolume')} rules={[figureRule]}>
          <Input inputMode="decimal" placeholder="200000000.00" />
        </Form.Item>
        <Form.Item name="plannedCompensation" label={t('fund.plan.plannedCompensation')} rules={[figureRule]}>
          <Input inputMode="decimal" placeholder="3000000.00" />
        </Form.Item>
        <Form.Item
          name="plannedEnterprises"
          label={t('fund.plan.plannedEnterprises')}
          rules={[{ type: 'integer', min: 0, max: 1_000_000, message: t('fund.plan.enterprisesInvalid') }]}
        >
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A decision with a text: a required reason (return a plan, decline a termination) or an optional
 * comment (approve a plan, consent to a termination). `run` sends it; its failure is shown in place.
 */
export function CommentModal({
  open,
  title,
  label,
  required,
  okText,
  done,
  run,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  required: boolean;
  okText: string;
  /** The toast after success. */
  done: string;
  run: (text: string | null) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (open) {
      setFailure(null);
      form.resetFields();
    }
  }, [open, form]);

  async function submit() {
    const values = await form.validateFields();
    setFailure(null);
    setBusy(true);
    try {
      await run(values.text?.trim() || null);
      message.success(done);
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('fund.common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="text"
          label={label}
          rules={[
            { required, whitespace: true, message: t('fund.termination.reasonRequired') },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An office proposes terminating the fund with a reason and the date it takes effect (Art 24). */
export function ProposeTerminationModal({
  open,
  businessDate,
  run,
  onClose,
}: {
  open: boolean;
  businessDate: string;
  run: (input: { reason: string; effectiveOn: string }) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; effectiveOn: Dayjs }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (open) {
      setFailure(null);
      form.resetFields();
    }
  }, [open, form]);

  async function submit() {
    const values = await form.validateFields();
    setFailure(null);
    setBusy(true);
    try {
      await run({ reason: values.reason.trim(), effectiveOn: values.effectiveOn.format('YYYY-MM-DD') });
      message.success(t('fund.termination.proposed'));
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('fund.termination.proposeTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('fund.termination.propose')}
      cancelText={t('fund.common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={t('fund.termination.effectiveNote')}
        style={{ marginBottom: 16 }}
      />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ effectiveOn: dayjs(businessDate) }}
      >
        <Form.Item
          name="reason"
          label={t('fund.termination.reason')}
          rules={[
            { required: true, whitespace: true, message: t('fund.termination.reasonRequired') },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label={t('fund.termination.effectiveOn')}
          rules={[{ required: true, message: t('fund.termination.effectiveRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < businessDate}
            allowClear={false}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
