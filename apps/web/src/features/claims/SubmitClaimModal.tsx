import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      message.success(t('claims.submit.submitted'));
      if (claim) onSubmitted(claim.id);
      else onClose();
    } catch {
      // Shown in the dialog by `error`; the same key is reused when the user tries again.
    }
  };

  return (
    <Modal
      open
      title={t('claims.submit.title')}
      okText={t('claims.submit.ok')}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onClose}
      width={640}
    >
      {policy && (
        <Typography.Paragraph type="secondary">
          {t('claims.submit.eligible', {
            days: policy.claimOverdueDays.value,
            article: articleLabel(policy.claimOverdueDays.article),
          })}
        </Typography.Paragraph>
      )}
      {loansError && <ErrorAlert title={t('claims.submit.loansFailed')} error={loansError} />}
      {error && <ErrorAlert title={t('claims.submit.failed')} error={error} />}
      {data && data.loans.totalCount > all.length && (
        <Alert
          type="info"
          showIcon
          title={t('claims.submit.onlyRecent', { shown: all.length, total: data.loans.totalCount })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="loanId"
          label={t('claims.submit.loan')}
          rules={[{ required: true, message: t('claims.submit.loanRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={loadingLoans}
            placeholder={t('claims.submit.loanPlaceholder')}
            notFoundContent={loadingLoans ? t('claims.submit.loading') : t('claims.submit.noLoans')}
            options={loans.map((loan) => ({
              value: loan.id,
              label: t('claims.submit.option', {
                contractNo: loan.contractNo,
                enterprise: loan.enterprise.name,
                days: loan.overdueDays,
              }),
            }))}
          />
        </Form.Item>
        {chosen && <LoanFacts loan={chosen} />}
        <Form.Item name="comment" label={t('claims.submit.comment')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LoanFacts({ loan }: { loan: ClaimableLoanCandidate }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'principal', label: t('claims.submit.principal'), children: <Money value={loan.principal} /> },
        {
          key: 'ip',
          label: t('claims.submit.ipPledged'),
          children: <Money value={loan.ipPledgedPrincipal} />,
        },
        {
          key: 'outstanding',
          label: t('claims.submit.outstanding'),
          children: <Money value={loan.outstandingPrincipal} />,
        },
        { key: 'overdue', label: t('claims.submit.overdueDays'), children: loan.overdueDays },
        {
          key: 'guarantor',
          label: t('claims.submit.guarantor'),
          children: loan.guarantor?.name ?? t('claims.common.twoParty'),
        },
      ]}
    />
  );
}
