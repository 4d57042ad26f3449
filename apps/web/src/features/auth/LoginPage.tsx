import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { ME_QUERY } from '../../app/me.graphql';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { login, useSession } from '../../app/session';
import { LOGIN_MUTATION, type LoginVariables } from './auth.graphql';
import { DemoLoginsHint } from './DemoLoginsHint';
import { DEMO_PASSWORD } from './demoLogins';
import { loginFailureText } from './loginFailure';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginVariables>();
  const { logoutReason } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const client = useApolloClient();
  const [loginMutation, { loading }] = useMutation(LOGIN_MUTATION);

  async function submit(values: LoginVariables) {
    setFailure(null);
    try {
      const { data } = await loginMutation({ variables: values });
      if (!data) return;
      // Start the session on an empty cache (a session ended in another tab leaves this one's data behind),
      // seeded with `me` from the login answer so the shell shows the user without a second request.
      await client.clearStore();
      client.writeQuery({ query: ME_QUERY, data: { me: data.login.user } });
      // The API has set the httpOnly session cookie; the page never sees the token.
      login();
    } catch (error) {
      // Which of the two was wrong is not disclosed; a throttled attempt says how long to wait.
      setFailure(loginFailureText(error));
    }
  }

  function pickDemoLogin(username: string) {
    form.setFieldsValue({ username, password: DEMO_PASSWORD });
    setFailure(null);
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
      }}
    >
      <Space orientation="vertical" size="large" style={{ width: 420, maxWidth: '100%' }}>
        <div style={{ textAlign: 'right' }}>
          <LanguageSwitch />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center', margin: 0 }}>
          {t('portal.title')}
        </Typography.Title>
        <Card title={t('login.cardTitle')}>
          {logoutReason === 'expired' && !failure && (
            <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
          )}
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loading}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <DemoLoginsHint onPick={pickDemoLogin} />
      </Space>
    </div>
  );
}
