import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
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
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<KeyOutlined />} ghost={dark} onClick={() => setOpen(true)} data-testid="change-password">
        修改密码
      </Button>
      {open && <ChangePasswordModal onClose={() => setOpen(false)} />}
    </>
  );
}

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [change, { loading, error }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const submit = async (v: FormValues) => {
    const res = await change({
      variables: { currentPassword: v.currentPassword, newPassword: v.newPassword },
    }).catch(() => null);
    if (!res?.data) return;
    void message.success('密码已修改，其他设备上的登录已失效');
    onClose();
  };
  return (
    <Modal
      open
      title="修改密码"
      okText="确认修改"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        修改后，您在其他设备或浏览器上的登录将全部失效，本次登录保持有效。
      </Typography.Paragraph>
      {error && <ErrorAlert title="修改失败" error={error} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
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
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
