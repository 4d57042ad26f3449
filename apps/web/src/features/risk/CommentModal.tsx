import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert';

/** A decision that needs a comment (warning, proposal, consent, lift): one dialog for all of them. */
export function CommentModal({
  title,
  intro,
  okText,
  danger,
  defaultComment,
  onSubmit,
  onClose,
}: {
  title: string;
  intro: ReactNode;
  okText: string;
  danger?: boolean;
  defaultComment?: string;
  onSubmit: (comment: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    const { comment } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(comment.trim());
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onClose}
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      {error !== null && <ErrorAlert title={t('risk.dialog.failed')} error={error} />}
      <Form form={form} layout="vertical" initialValues={{ comment: defaultComment ?? '' }}>
        <Form.Item
          name="comment"
          label={t('risk.dialog.comment')}
          rules={[{ required: true, whitespace: true, message: t('risk.dialog.commentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
