import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Divider, Drawer, Form, Input, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
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
      message.success('用户已创建');
      form.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function stop(user: ManagedUserRow) {
    try {
      await deactivate({ variables: { userId: user.id } });
      message.success(`已停用 ${user.username}`);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const columns: TableColumnsType<ManagedUserRow> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '状态',
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
    ...(canDeactivate
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, user: ManagedUserRow) =>
              user.active && (
                <Popconfirm
                  title="停用该用户？"
                  description="停用后该用户立即无法登录和操作。"
                  okText="停用"
                  cancelText="取消"
                  onConfirm={() => stop(user)}
                >
                  <Button size="small" danger>
                    停用
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Drawer
      title={org ? `用户管理 · ${org.name}` : '用户管理'}
      size={640}
      open={!!org}
      onClose={onClose}
      destroyOnHidden
    >
      {error && <ErrorAlert title="用户列表加载失败" error={error} />}
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
          <Divider titlePlacement="start">新增用户</Divider>
          <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
            <Form.Item
              name="username"
              label="用户名"
              rules={[
                { required: true, message: '请输入用户名' },
                {
                  pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/,
                  message: '2–64 位小写字母、数字、“.”、“_”或“-”，以字母或数字开头',
                },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="displayName"
              label="姓名"
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="password"
              label="初始密码"
              rules={[
                { required: true, message: '请输入初始密码' },
                { min: 8, message: '密码至少 8 位' },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={creating}>
              创建用户
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
