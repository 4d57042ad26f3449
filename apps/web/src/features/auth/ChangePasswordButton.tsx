import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { CHANGE_PASSWORD_MUTATION } from './auth.graphql';
import { newPasswordProblem } from './passwordRule';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: a header button and its dialog. */
export function ChangePasswordButton({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<KeyOutlined />} ghost={dark} onClick={() => setOpen(true)} data-testid="change-password">
        {t('auth.changePassword.button')}
      </Button>
      {open && <ChangePasswordModal onClose={() => setOpen(false)} />}
    </>
  );
}

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [change, { loading, error }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const submit = async (v: FormValues) => {
    const res = await change({
      variables: { currentPassword: v.currentPassword, newPassword: v.newPassword },
    }).catch(() => null);
    if (!res?.data) return;
    void message.success(t('auth.changePassword.done'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('auth.changePassword.title')}
      okText={t('auth.changePassword.ok')}
      cancelText={t('auth.changePassword.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('auth.changePassword.note')}</Typography.Paragraph>
      {error && <ErrorAlert title={t('auth.changePassword.failed')} error={error} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="currentPassword"
          label={t('auth.changePassword.current')}
          rules={[{ required: true, message: t('auth.changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.changePassword.new')}
          rules={[
            { required: true, message: t('auth.changePassword.newRequired') },
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? newPasswordProblem(value) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
