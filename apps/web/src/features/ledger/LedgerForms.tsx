import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { provisionArticle } from '../../app/policy';
import { errorText } from '../../lib/ErrorAlert';
import type { Policy } from '../../app/viewer.graphql';
import {
  LEDGER_QUERIES_TO_REFETCH,
  RECORD_INTEREST_INCOME_MUTATION,
  RECORD_PROGRAMME_COST_MUTATION,
  REVERSE_LEDGER_TRANSACTION_MUTATION,
  type LedgerTransaction,
} from './ledger.graphql';
import { articleLabel, kindColor, kindLabel, newIdempotencyKey, normalizeAmount } from './ledgerDisplay';

/** One idempotency key per opening of a form: a double submit or a retry posts once. */
function useSubmissionKey(open: boolean): [string, () => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (open) setKey(newIdempotencyKey());
  }, [open]);
  return [key, () => setKey(newIdempotencyKey())];
}

interface PostingFormValues {
  amount: string;
  date: Dayjs;
  memo?: string;
}

export type PostingFormKind = 'INTEREST_INCOME' | 'PROGRAMME_COST';

const FORM_TEXT: Record<
  PostingFormKind,
  {
    title: string;
    dateLabel: string;
    memoLabel: string;
    memoRequired: boolean;
    /** The rule, citing the policy's articles through `cite` ("（第十条）", or nothing). */
    hint: (cite: (provision: string) => string) => string;
  }
> = {
  INTEREST_INCOME: {
    title: '登记利息收入',
    dateLabel: '入账日期',
    memoLabel: '摘要',
    memoRequired: false,
    hint: (cite) => `风险补偿资金产生的利息补充至专户下设的二级子账户${cite('interestAccount')}。`,
  },
  PROGRAMME_COST: {
    title: '登记成本费用',
    dateLabel: '支付日期',
    memoLabel: '费用用途',
    memoRequired: true,
    hint: (cite) =>
      `相关成本费用只能从利息二级子账户支出，且不得超过其余额${cite('interestAccount')}；本金不得用于此项支出${cite('fundUse')}。`,
  },
};

/** The manager's form for interest income or a programme cost (Art 10). */
export function PostingFormModal({
  kind,
  open,
  businessDate,
  policy,
  onClose,
}: {
  kind: PostingFormKind;
  open: boolean;
  businessDate: string;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const text = FORM_TEXT[kind];
  const cite = (provision: string) => {
    const article = provisionArticle(policy, provision);
    return article ? `（${articleLabel(article)}）` : '';
  };
  const [form] = Form.useForm<PostingFormValues>();
  const [key, renewKey] = useSubmissionKey(open);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const options = { refetchQueries: LEDGER_QUERIES_TO_REFETCH, awaitRefetchQueries: true };
  const [recordInterest, interestState] = useMutation(RECORD_INTEREST_INCOME_MUTATION, options);
  const [recordCost, costState] = useMutation(RECORD_PROGRAMME_COST_MUTATION, options);
  const loading = interestState.loading || costState.loading;

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
    const date = values.date.format('YYYY-MM-DD');
    const memo = values.memo?.trim() ?? '';
    setFailure(null);
    try {
      const seq =
        kind === 'INTEREST_INCOME'
          ? (
              await recordInterest({
                variables: { input: { amount, receivedOn: date, memo: memo || null, idempotencyKey: key } },
              })
            ).data?.recordInterestIncome.seq
          : (
              await recordCost({
                variables: { input: { amount, paidOn: date, memo, idempotencyKey: key } },
              })
            ).data?.recordProgrammeCost.seq;
      message.success(`${text.title}成功，凭证号 ${seq ?? ''}`);
      renewKey();
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <Modal
      title={text.title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认登记"
      confirmLoading={loading}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={text.hint(cite)} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(businessDate) }} requiredMark={false}>
        <Form.Item
          name="amount"
          label="金额（元）"
          rules={[
            { required: true, message: '请输入金额' },
            {
              validator: (_, value: string | undefined) =>
                !value || normalizeAmount(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入大于零、最多两位小数的金额')),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="例如 28750.00" autoFocus />
        </Form.Item>
        <Form.Item name="date" label={text.dateLabel} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > businessDate}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item
          name="memo"
          label={text.memoLabel}
          rules={[
            { required: text.memoRequired, whitespace: true, message: '请说明费用用途' },
            { max: 500, message: '不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The manager reverses a ledger-only posting with a mirroring entry (never an edit). */
export function ReverseModal({
  transaction,
  onClose,
}: {
  transaction: LedgerTransaction | null;
  onClose: () => void;
}) {
  const open = transaction !== null;
  const [form] = Form.useForm<{ reason: string }>();
  const [key, renewKey] = useSubmissionKey(open);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const [reverse, { loading }] = useMutation(REVERSE_LEDGER_TRANSACTION_MUTATION, {
    refetchQueries: LEDGER_QUERIES_TO_REFETCH,
    awaitRefetchQueries: true,
  });

  useEffect(() => {
    if (open) {
      setFailure(null);
      form.resetFields();
    }
  }, [open, form]);

  async function submit() {
    if (!transaction) return;
    const { reason } = await form.validateFields();
    setFailure(null);
    try {
      const { data } = await reverse({
        variables: { transactionId: transaction.id, reason: reason.trim(), idempotencyKey: key },
      });
      message.success(
        `已冲销第 ${transaction.seq} 号凭证，冲销凭证号 ${data?.reverseLedgerTransaction.seq ?? ''}`,
      );
      renewKey();
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <Modal
      title="冲销凭证"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认冲销"
      okButtonProps={{ danger: true }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title="账簿只增不改：冲销将生成一张借贷方向相反的凭证，原凭证保留；每张凭证只能冲销一次。"
        style={{ marginBottom: 16 }}
      />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {transaction && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="凭证号">{transaction.seq}</Descriptions.Item>
          <Descriptions.Item label="类型">
            <Tag color={kindColor(transaction.kind)}>{kindLabel(transaction.kind)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="业务日期">{transaction.businessDate}</Descriptions.Item>
          <Descriptions.Item label="摘要">{transaction.memo || '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label="冲销原因"
          rules={[
            { required: true, whitespace: true, message: '请填写冲销原因' },
            { max: 200, message: '不超过 200 字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
