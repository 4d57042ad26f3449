import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { CLEAR_LOGIN_LOCKOUT_MUTATION, LOGIN_LOCKOUTS_QUERY, type LoginLockoutRow } from './partners.graphql';

/**
 * 用户登录锁定: usernames and client addresses blocked after failed logins (issue 9). Shown only when
 * the caller may take `auth.clearLockout` (the offices and the fund manager, from the API); a
 * username's lock-out can be cleared here, an address's runs out by itself.
 */
export function LoginLockoutsCard() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(LOGIN_LOCKOUTS_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [clear] = useMutation(CLEAR_LOGIN_LOCKOUT_MUTATION, { refetchQueries: ['LoginLockouts'] });

  async function unlock(row: LoginLockoutRow) {
    try {
      const res = await clear({ variables: { username: row.subject } });
      if (res.data?.clearLoginLockout) message.success(`已解除 ${row.subject} 的登录锁定`);
      else message.info(`${row.subject} 已无登录锁定`);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const columns: TableColumnsType<LoginLockoutRow> = [
    {
      title: '对象',
      dataIndex: 'kind',
      render: (kind: LoginLockoutRow['kind']) =>
        kind === 'USERNAME' ? <Tag color="blue">用户名</Tag> : <Tag>客户端地址</Tag>,
    },
    { title: '用户名 / 地址', dataIndex: 'subject' },
    { title: '失败次数', dataIndex: 'failures' },
    {
      title: '锁定至',
      dataIndex: 'blockedUntil',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, row: LoginLockoutRow) =>
        row.kind === 'USERNAME' && (
          <Popconfirm
            title="解除该用户名的登录锁定？"
            description="解除后可立即重新登录，失败次数清零。"
            okText="解除"
            cancelText="取消"
            onConfirm={() => unlock(row)}
          >
            <Button size="small">解除锁定</Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title="用户登录锁定"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" onClick={() => void refetch()}>
          刷新
        </Button>
      }
    >
      {error && <ErrorAlert title="登录锁定加载失败" error={error} />}
      <Table
        rowKey={(r) => `${r.kind}:${r.subject}`}
        size="small"
        columns={columns}
        dataSource={data?.loginLockouts ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: '当前没有被锁定的用户名或地址' }}
      />
    </Card>
  );
}
