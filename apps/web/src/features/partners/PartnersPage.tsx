import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ORG_KIND_LABELS_ZH } from '@ipfund/shared';
import { ME_QUERY } from '../../app/me.graphql';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { AgreementsDrawer } from './AgreementsDrawer';
import { AdmitPartnerModal, StatusChangeModal, type StatusChange } from './PartnerForms';
import { mayManagePartners, partnerStatusLabel } from './partnerDisplay';
import { PARTNERS_QUERY, type PartnerRow } from './partners.graphql';
import { UsersDrawer } from './UsersDrawer';

/**
 * 合作机构: partner banks and guarantors with their standing (Art 8, 14, 15, 25), each bank's
 * cooperation agreement history, and partner logins. The offices and the fund manager act; the
 * others see their own organisation (the API filters).
 */
export function PartnersPage() {
  const { data: me } = useQuery(ME_QUERY);
  const canManage = mayManagePartners(me?.me?.organization.kind);
  const { data, loading, error } = useQuery(PARTNERS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [admitting, setAdmitting] = useState(false);
  const [change, setChange] = useState<StatusChange | null>(null);
  const [agreementsOf, setAgreementsOf] = useState<{ id: string; name: string } | null>(null);
  const [usersOf, setUsersOf] = useState<{ id: string; name: string; active: boolean } | null>(null);

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
          {p.kind === 'LENDING_BANK' && (
            <Button size="small" onClick={() => setAgreementsOf({ id: p.id, name: p.name })}>
              合作协议
            </Button>
          )}
          <Button
            size="small"
            onClick={() => setUsersOf({ id: p.id, name: p.name, active: p.status === 'ACTIVE' })}
          >
            用户
          </Button>
          {canManage && p.status === 'ACTIVE' && (
            <Button size="small" onClick={() => setChange({ partner: p, to: 'RETIRED' })}>
              退出
            </Button>
          )}
          {canManage && p.status !== 'DISQUALIFIED' && (
            <Button size="small" danger onClick={() => setChange({ partner: p, to: 'DISQUALIFIED' })}>
              取消资格
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="合作机构"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdmitting(true)}>
            准入合作机构
          </Button>
        )
      }
    >
      {error && <ErrorAlert title="合作机构加载失败" description={error.message} />}
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
      <AgreementsDrawer bank={agreementsOf} canRecord={canManage} onClose={() => setAgreementsOf(null)} />
      <UsersDrawer org={usersOf} canManage={canManage} onClose={() => setUsersOf(null)} />
    </Card>
  );
}
