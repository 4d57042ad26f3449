import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { CLEAR_LOGIN_LOCKOUT_MUTATION, LOGIN_LOCKOUTS_QUERY, type LoginLockoutRow } from './partners.graphql';

/**
 * 用户登录锁定: usernames and client addresses blocked after failed logins (issue 9). Shown only when
 * the caller may take `auth.clearLockout` (the offices and the fund manager, from the API); a
 * username's lock-out can be cleared here, an address's runs out by itself.
 */
export function LoginLockoutsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(LOGIN_LOCKOUTS_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [clear] = useMutation(CLEAR_LOGIN_LOCKOUT_MUTATION, { refetchQueries: ['LoginLockouts'] });

  async function unlock(row: LoginLockoutRow) {
    try {
      const res = await clear({ variables: { username: row.subject } });
      if (res.data?.clearLoginLockout)
        message.success(t('partners.lockouts.cleared', { subject: row.subject }));
      else message.info(t('partners.lockouts.notLocked', { subject: row.subject }));
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const columns: TableColumnsType<LoginLockoutRow> = [
    {
      title: t('partners.lockouts.subjectKind'),
      dataIndex: 'kind',
      render: (kind: LoginLockoutRow['kind']) =>
        kind === 'USERNAME' ? (
          <Tag color="blue">{t('partners.lockouts.username')}</Tag>
        ) : (
          <Tag>{t('partners.lockouts.address')}</Tag>
        ),
    },
    { title: t('partners.lockouts.subject'), dataIndex: 'subject' },
    { title: t('partners.lockouts.failures'), dataIndex: 'failures' },
    {
      title: t('partners.lockouts.blockedUntil'),
      dataIndex: 'blockedUntil',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('partners.actions'),
      key: 'actions',
      render: (_: unknown, row: LoginLockoutRow) =>
        row.kind === 'USERNAME' && (
          <Popconfirm
            title={t('partners.lockouts.clearConfirm')}
            description={t('partners.lockouts.clearDescription')}
            okText={t('partners.lockouts.clear')}
            cancelText={t('partners.cancel')}
            onConfirm={() => unlock(row)}
          >
            <Button size="small">{t('partners.lockouts.unlock')}</Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('partners.lockouts.title')}
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" onClick={() => void refetch()}>
          {t('partners.lockouts.refresh')}
        </Button>
      }
    >
      {error && <ErrorAlert title={t('partners.lockouts.loadFailed')} error={error} />}
      <Table
        rowKey={(r) => `${r.kind}:${r.subject}`}
        size="small"
        columns={columns}
        dataSource={data?.loginLockouts ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('partners.lockouts.empty') }}
      />
    </Card>
  );
}
