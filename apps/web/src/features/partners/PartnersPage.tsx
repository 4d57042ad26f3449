import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ORG_KIND_LABELS_ZH } from '@ipfund/shared';
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
  const { mayTake, reads } = useViewerPermissions();
  const { data, loading, error } = useQuery(PARTNERS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [admitting, setAdmitting] = useState(false);
  const [change, setChange] = useState<StatusChange | null>(null);
  const [agreementsOf, setAgreementsOf] = useState<PartnerRow | null>(null);
  const [usersOf, setUsersOf] = useState<PartnerRow | null>(null);

  const columns: TableColumnsType<PartnerRow> = [
    { title: '机构名称', dataIndex: 'name', fixed: 'left' },
    { title: '简称', dataIndex: 'shortName', render: (v: string | null) => v ?? '—' },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (kind: PartnerRow['kind']) => ORG_KIND_LABELS_ZH[kind] ?? kind,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: string) => {
        const s = partnerStatusLabel(status);
        return <Tag color={s.color}>{s.label}</Tag>;
      },
    },
    { title: '融资担保许可证', dataIndex: 'licenceNo', render: (v: string | null) => v ?? '—' },
    {
      title: '状态说明',
      key: 'statusReason',
      render: (_: unknown, p: PartnerRow) =>
        p.statusReason ? (
          <Typography.Text type="secondary">
            {p.statusChangedOn}：{p.statusReason}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, p: PartnerRow) => (
        <Space size="small" wrap>
          {/* Agreements are a bank's (Art 8): a fact about the row, not about the caller. */}
          {p.kind === 'LENDING_BANK' && (reads('Agreement') || can(p, 'agreement.record')) && (
            <Button size="small" onClick={() => setAgreementsOf(p)}>
              合作协议
            </Button>
          )}
          <Button size="small" onClick={() => setUsersOf(p)}>
            用户
          </Button>
          {can(p, 'partner.retire') && (
            <Button size="small" onClick={() => setChange({ partner: p, to: 'RETIRED' })}>
              退出
            </Button>
          )}
          {can(p, 'partner.disqualify') && (
            <Button size="small" danger onClick={() => setChange({ partner: p, to: 'DISQUALIFIED' })}>
              取消资格
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card
        title="合作机构"
        extra={
          mayTake('partner.admit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdmitting(true)}>
              准入合作机构
            </Button>
          )
        }
      >
        {error && <ErrorAlert title="合作机构加载失败" error={error} />}
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.partners ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无可查看的合作机构' }}
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
