import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
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
import { cite, kindColor, kindLabel, newIdempotencyKey, normalizeAmount } from './ledgerDisplay';

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

/** Each form's texts: `ledger.posting.<prefix>Title`, `…Date`, `…Memo`, `…Hint`. */
const FORM_TEXT: Record<PostingFormKind, { prefix: 'interest' | 'cost'; memoRequired: boolean }> = {
  INTEREST_INCOME: { prefix: 'interest', memoRequired: false },
  PROGRAMME_COST: { prefix: 'cost', memoRequired: true },
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
  const { t } = useTranslation();
  const lang = useLang();
  const { prefix, memoRequired } = FORM_TEXT[kind];
  const title = t(`ledger.posting.${prefix}Title`);
  const hint = t(`ledger.posting.${prefix}Hint`, {
    interestCite: cite(lang, provisionArticle(policy, 'interestAccount')),
    fundUseCite: cite(lang, provisionArticle(policy, 'fundUse')),
  });
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
      message.success(t('ledger.posting.done', { title, seq: seq ?? '' }));
      renewKey();
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ledger.posting.ok')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(businessDate) }} requiredMark={false}>
        <Form.Item
          name="amount"
          label={t('ledger.posting.amount')}
          rules={[
            { required: true, message: t('ledger.posting.amountRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || normalizeAmount(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('ledger.posting.amountInvalid'))),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder={t('ledger.posting.amountPlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item
          name="date"
          label={t(`ledger.posting.${prefix}Date`)}
          rules={[{ required: true, message: t('ledger.posting.dateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > businessDate}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item
          name="memo"
          label={t(`ledger.posting.${prefix}Memo`)}
          rules={[
            { required: memoRequired, whitespace: true, message: t('ledger.posting.memoRequired') },
            { max: 500, message: t('ledger.posting.memoMax') },
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
  const { t } = useTranslation();
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
        t('ledger.reversal.done', {
          seq: transaction.seq,
          reversalSeq: data?.reverseLedgerTransaction.seq ?? '',
        }),
      );
      renewKey();
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <Modal
      title={t('ledger.reversal.title')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ledger.reversal.ok')}
      okButtonProps={{ danger: true }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('ledger.reversal.warning')} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {transaction && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('ledger.reversal.seq')}>{transaction.seq}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.reversal.kind')}>
            <Tag color={kindColor(transaction.kind)}>{kindLabel(transaction.kind)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.reversal.date')}>{transaction.businessDate}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.reversal.memo')}>{transaction.memo || '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('ledger.reversal.reason')}
          rules={[
            { required: true, whitespace: true, message: t('ledger.reversal.reasonRequired') },
            { max: 200, message: t('ledger.reversal.reasonMax') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
