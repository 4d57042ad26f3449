import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Divider, Drawer, Form, Input, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import {
  CREATE_USER,
  DEACTIVATE_USER,
  ORGANIZATION_USERS,
  type CreateUserVariables,
  type ManagedUserRow,
} from './partners.graphql';

type UserForm = Omit<CreateUserVariables['input'], 'organizationId'>;

/** 用户管理: a partner's logins; adding and deactivating follow the partner's `viewerCan`. */
export function UsersDrawer({
  org,
  canCreate,
  canDeactivate,
  onClose,
}: {
  org: { id: string; name: string } | null;
  canCreate: boolean;
  canDeactivate: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const { data, loading, error } = useQuery(ORGANIZATION_USERS, {
    variables: { organizationId: org?.id ?? '' },
    skip: !org,
    fetchPolicy: 'cache-and-network',
  });
  const [createUser, { loading: creating }] = useMutation(CREATE_USER, {
    refetchQueries: ['OrganizationUsers'],
  });
  const [deactivate] = useMutation(DEACTIVATE_USER);

  async function submit(values: UserForm) {
    if (!org) return;
    try {
      await createUser({ variables: { input: { ...values, organizationId: org.id } } });
      message.success(t('partners.users.created'));
      form.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function stop(user: ManagedUserRow) {
    try {
      await deactivate({ variables: { userId: user.id } });
      message.success(t('partners.users.deactivated', { username: user.username }));
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const columns: TableColumnsType<ManagedUserRow> = [
    { title: t('partners.users.username'), dataIndex: 'username' },
    { title: t('partners.users.displayName'), dataIndex: 'displayName' },
    {
      title: t('partners.statusTitle'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="green">{t('partners.users.active')}</Tag>
        ) : (
          <Tag>{t('partners.users.inactive')}</Tag>
        ),
    },
    ...(canDeactivate
      ? [
          {
            title: t('partners.actions'),
            key: 'actions',
            render: (_: unknown, user: ManagedUserRow) =>
              user.active && (
                <Popconfirm
                  title={t('partners.users.deactivateConfirm')}
                  description={t('partners.users.deactivateDescription')}
                  okText={t('partners.users.deactivate')}
                  cancelText={t('partners.cancel')}
                  onConfirm={() => stop(user)}
                >
                  <Button size="small" danger>
                    {t('partners.users.deactivate')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Drawer
      title={org ? t('partners.users.title', { name: org.name }) : t('partners.users.titleEmpty')}
      size={640}
      open={!!org}
      onClose={onClose}
      destroyOnHidden
    >
      {error && <ErrorAlert title={t('partners.users.loadFailed')} error={error} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.organizationUsers ?? []}
        loading={loading}
        pagination={false}
      />
      {canCreate && (
        <>
          <Divider titlePlacement="start">{t('partners.users.newUser')}</Divider>
          <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
            <Form.Item
              name="username"
              label={t('partners.users.username')}
              rules={[
                { required: true, message: t('partners.users.usernameRequired') },
                {
                  pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/,
                  message: t('partners.users.usernamePattern'),
                },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t('partners.users.displayName')}
              rules={[{ required: true, whitespace: true, message: t('partners.users.displayNameRequired') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('partners.users.password')}
              rules={[
                { required: true, message: t('partners.users.passwordRequired') },
                { min: 8, message: t('partners.users.passwordMin') },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={creating}>
              {t('partners.users.create')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
