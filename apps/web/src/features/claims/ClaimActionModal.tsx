import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ClaimActionFacts } from './ClaimActionFacts';
import { checkComment, type ClaimActionSpec } from './claimActions';
import { claimActionCommentLabel, claimActionLabel } from './claimLabels';
import type { ClaimDetail } from './claims.graphql';
import { newIdempotencyKey } from './idempotency';
import { runClaimAction } from './runClaimAction';

interface Props {
  spec: ClaimActionSpec;
  claim: ClaimDetail;
  onClose: () => void;
}

/** Confirms one workflow step with its comment (required for RETURN and REJECT) and shows what it decides. */
export function ClaimActionModal({ spec, claim, onClose }: Props) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { message } = App.useApp();
  // One key per dialog: PAY with the same key twice pays once, so a double click or a retry is safe.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<{ comment?: string }>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onOk = async () => {
    if (running || spec.action === 'SUBMIT') return;
    const checked = checkComment(spec, form.getFieldValue('comment') ?? '');
    if (!checked.ok) {
      form.setFields([{ name: 'comment', errors: [checked.message] }]);
      return;
    }
    setRunning(true);
    setError(null);
    try {
      await runClaimAction(client, spec.action, {
        claimId: claim.id,
        comment: checked.comment,
        idempotencyKey,
      });
      message.success(t('claims.actionModal.done', { action: claimActionLabel(spec.action) }));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  const label = claimActionLabel(spec.action);
  return (
    <Modal
      open
      title={t('claims.actionModal.title', { action: label, contractNo: claim.loan.contractNo })}
      okText={label}
      okButtonProps={{ danger: spec.danger }}
      confirmLoading={running}
      onOk={onOk}
      onCancel={onClose}
      width={600}
    >
      <ClaimActionFacts action={spec.action} claim={claim} />
      {error !== null && (
        <ErrorAlert title={t('claims.actionModal.failed', { action: label })} error={error} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={claimActionCommentLabel(spec.action)}
          required={spec.comment === 'required'}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
