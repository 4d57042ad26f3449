import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useViewerPermissions } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { AgreementsDrawer } from './AgreementsDrawer';
import { LoginLockoutsCard } from './LoginLockoutsCard';
import { AdmitPartnerModal, StatusChangeModal, type StatusChange } from './PartnerForms';
import { partnerStatusLabel } from './partnerDisplay';
import { PARTNERS_QUERY, type PartnerRow } from './partners.graphql';
import { UsersDrawer } from './UsersDrawer';

/**
 * 合作机构: partner banks and guarantors with their standing (Art 8, 14, 15, 25), each bank's
 * cooperation agreement history, and partner logins. The API lists what the caller may see; admitting
 * follows `partner.admit`, every other button the partner's `viewerCan`.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const { mayTake, reads } = useViewerPermissions();
  const { data, loading, error } = useQuery(PARTNERS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [admitting, setAdmitting] = useState(false);
  const [change, setChange] = useState<StatusChange | null>(null);
  const [agreementsOf, setAgreementsOf] = useState<PartnerRow | null>(null);
  const [usersOf, setUsersOf] = useState<PartnerRow | null>(null);

  const columns: TableColumnsType<PartnerRow> = [
    { title: t('partners.list.name'), dataIndex: 'name', fixed: 'left' },
    { title: t('partners.list.shortName'), dataIndex: 'shortName', render: (v: string | null) => v ?? '—' },
    {
      title: t('partners.list.kind'),
      dataIndex: 'kind',
      render: (kind: PartnerRow['kind']) => t(`orgKind.${kind}`),
    },
    {
      title: t('partners.statusTitle'),
      dataIndex: 'status',
      render: (status: string) => {
        const s = partnerStatusLabel(status);
        return <Tag color={s.color}>{s.label}</Tag>;
      },
    },
    { title: t('partners.list.licenceNo'), dataIndex: 'licenceNo', render: (v: string | null) => v ?? '—' },
    {
      title: t('partners.list.statusReason'),
      key: 'statusReason',
      render: (_: unknown, p: PartnerRow) =>
        p.statusReason ? (
          <Typography.Text type="secondary">
            {t('partners.list.statusReasonText', { date: p.statusChangedOn, reason: p.statusReason })}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('partners.actions'),
      key: 'actions',
      render: (_: unknown, p: PartnerRow) => (
        <Space size="small" wrap>
          {/* Agreements are a bank's (Art 8): a fact about the row, not about the caller. */}
          {p.kind === 'LENDING_BANK' && (reads('Agreement') || can(p, 'agreement.record')) && (
            <Button size="small" onClick={() => setAgreementsOf(p)}>
              {t('partners.list.agreements')}
            </Button>
          )}
          <Button size="small" onClick={() => setUsersOf(p)}>
            {t('partners.list.users')}
          </Button>
          {can(p, 'partner.retire') && (
            <Button size="small" onClick={() => setChange({ partner: p, to: 'RETIRED' })}>
              {t('partners.list.retire')}
            </Button>
          )}
          {can(p, 'partner.disqualify') && (
            <Button size="small" danger onClick={() => setChange({ partner: p, to: 'DISQUALIFIED' })}>
              {t('partners.list.disqualify')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card
        title={t('partners.list.title')}
        extra={
          mayTake('partner.admit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdmitting(true)}>
              {t('partners.list.admit')}
            </Button>
          )
        }
      >
        {error && <ErrorAlert title={t('partners.list.loadFailed')} error={error} />}
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.partners ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('partners.list.empty') }}
        />
        <AdmitPartnerModal open={admitting} onClose={() => setAdmitting(false)} />
        <StatusChangeModal change={change} onClose={() => setChange(null)} />
        <AgreementsDrawer
          bank={agreementsOf}
          canRecord={can(agreementsOf, 'agreement.record')}
          onClose={() => setAgreementsOf(null)}
        />
        <UsersDrawer
          org={usersOf}
          canCreate={can(usersOf, 'partner.createUser')}
          canDeactivate={can(usersOf, 'partner.deactivateUser')}
          onClose={() => setUsersOf(null)}
        />
      </Card>
      {mayTake('auth.clearLockout') && <LoginLockoutsCard />}
    </>
  );
}
