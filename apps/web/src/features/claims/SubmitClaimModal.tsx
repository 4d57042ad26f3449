import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { claimableLoans } from './claimable';
import { LOANS_FOR_CLAIM_QUERY, SUBMIT_CLAIM_MUTATION, type ClaimableLoanCandidate } from './claims.graphql';
import { newIdempotencyKey } from './idempotency';
import { Money } from './Money';
import { articleLabel } from './policyText';

/** The API answers at most 100 loans a page. */
const LOAN_PAGE = 100;

interface Props {
  onClose: () => void;
  onSubmitted: (claimId: string) => void;
}

/**
 * Bank: file a claim on one of its loans (R6.2: covered and at least the policy's claim days overdue). Mounted per dialog:
 * its idempotency key is drawn once and reused on every retry, so a double click files one claim.
 */
export function SubmitClaimModal({ onClose, onSubmitted }: Props) {
  const { message } = App.useApp();
  const policy = usePolicy();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<{ loanId: string; comment?: string }>();
  const loanId = Form.useWatch('loanId', form);
  const {
    data,
    loading: loadingLoans,
    error: loansError,
  } = useQuery(LOANS_FOR_CLAIM_QUERY, {
    variables: { first: LOAN_PAGE },
    fetchPolicy: 'network-only',
  });
  const [submit, { loading, error }] = useMutation(SUBMIT_CLAIM_MUTATION, { refetchQueries: 'active' });

  const all = data?.loans.edges.map((edge) => edge.node) ?? [];
  const loans = policy ? claimableLoans(all, policy.claimOverdueDays.value) : [];
  const chosen = loans.find((loan) => loan.id === loanId);

  const onOk = async () => {
    // A failed validation is shown on the field; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const result = await submit({
        variables: {
          input: { loanId: values.loanId, idempotencyKey, comment: values.comment?.trim() || null },
        },
      });
      const claim = result.data?.submitClaim;
      message.success('补偿申请已提交');
      if (claim) onSubmitted(claim.id);
      else onClose();
    } catch {
      // Shown in the dialog by `error`; the same key is reused when the user tries again.
    }
  };

  return (
    <Modal
      open
      title="发起补偿申请"
      okText="提交申请"
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
      width={640}
    >
      {policy && (
        <Typography.Paragraph type="secondary">
          可申请的贷款：已纳入风险补偿范围、逾期 {policy.claimOverdueDays.value} 天以上（含{' '}
          {policy.claimOverdueDays.value} 天）且尚无补偿申请（{articleLabel(policy.claimOverdueDays.article)}
          ）。
        </Typography.Paragraph>
      )}
      {loansError && <ErrorAlert title="贷款加载失败" error={loansError} />}
      {error && <ErrorAlert title="提交失败" error={error} />}
      {data && data.loans.totalCount > all.length && (
        <Alert
          type="info"
          showIcon
          title={`仅列出最近的 ${all.length} 笔贷款（共 ${data.loans.totalCount} 笔）`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="loanId" label="贷款" rules={[{ required: true, message: '请选择贷款' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={loadingLoans}
            placeholder="选择逾期贷款"
            notFoundContent={loadingLoans ? '加载中…' : '暂无可申请补偿的贷款'}
            options={loans.map((loan) => ({
              value: loan.id,
              label: `${loan.contractNo} · ${loan.enterprise.name} · 逾期 ${loan.overdueDays} 天`,
            }))}
          />
        </Form.Item>
        {chosen && <LoanFacts loan={chosen} />}
        <Form.Item name="comment" label="说明">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LoanFacts({ loan }: { loan: ClaimableLoanCandidate }) {
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'principal', label: '贷款本金', children: <Money value={loan.principal} /> },
        { key: 'ip', label: '知识产权质押部分', children: <Money value={loan.ipPledgedPrincipal} /> },
        { key: 'outstanding', label: '贷款余额', children: <Money value={loan.outstandingPrincipal} /> },
        { key: 'overdue', label: '逾期天数', children: loan.overdueDays },
        { key: 'guarantor', label: '担保机构', children: loan.guarantor?.name ?? '—（两方贷款）' },
      ]}
    />
  );
}
