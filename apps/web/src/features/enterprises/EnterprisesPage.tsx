import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useViewerPermissions } from '../../app/useViewer';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { BlacklistPanel } from './BlacklistPanel';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { CreateEnterpriseModal } from './EnterpriseForms';
import { BLACKLIST_PROPOSALS_QUERY, ENTERPRISES_QUERY, type EnterpriseRow } from './enterprises.graphql';

function ipSummary(t: TFunction, e: EnterpriseRow): string {
  const patents = e.ipAssets.filter((a) => a.kind === 'PATENT').length;
  const marks = e.ipAssets.filter((a) => a.kind === 'TRADEMARK').length;
  return t('enterprises.list.ipSummary', { patents, trademarks: marks });
}

/**
 * 企业库 (Art 6.3): the enterprises the caller may see (the API filters), with their IP and the
 * blacklist flag (Art 21); blacklist proposals for those who read them. "新增企业" follows
 * `enterprise.create`; the drawer and the proposals follow each record's `viewerCan`.
 */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { mayTake, reads } = useViewerPermissions();
  const [search, setSearch] = useState<string | null>(null);
  const [pager, setPager] = useState<CursorPager>(() => firstPage(PAGE_SIZES[0]));
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const { data, previousData, loading, error } = useQuery(ENTERPRISES_QUERY, {
    variables: { first: pager.pageSize, after: currentAfter(pager), search },
    fetchPolicy: 'cache-and-network',
  });
  const seesProposals = reads('BlacklistProposal');
  const proposals = useQuery(BLACKLIST_PROPOSALS_QUERY, {
    skip: !seesProposals,
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.enterprises;
  const endCursor = nextCursor(data?.enterprises);
  const pendingFor = new Set(
    (proposals.data?.blacklistProposals ?? [])
      .filter((p) => p.status === 'PENDING')
      .map((p) => p.enterprise.id),
  );

  const columns: TableColumnsType<EnterpriseRow> = [
    {
      title: t('enterprises.field.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, e: EnterpriseRow) => (
        <Space size="small">
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(e.id)}>
            {name}
          </Button>
          {e.blacklisted && <Tag color="red">{t('enterprises.blacklisted')}</Tag>}
          {pendingFor.has(e.id) && <Tag color="orange">{t('enterprises.list.proposalPending')}</Tag>}
        </Space>
      ),
    },
    { title: t('enterprises.field.creditCode'), dataIndex: 'creditCode' },
    { title: t('enterprises.field.industry'), dataIndex: 'industry', render: (v: string) => v || '—' },
    { title: t('enterprises.field.district'), dataIndex: 'district', render: (v: string) => v || '—' },
    {
      title: t('enterprises.field.ip'),
      key: 'ip',
      render: (_: unknown, e: EnterpriseRow) => ipSummary(t, e),
    },
    {
      title: t('enterprises.field.eligibility'),
      key: 'blacklist',
      render: (_: unknown, e: EnterpriseRow) =>
        e.blacklisted ? (
          <Tag color="red">{t('enterprises.list.disqualifiedSince', { date: e.blacklistedSince })}</Tag>
        ) : (
          <Tag color="green">{t('enterprises.eligible')}</Tag>
        ),
    },
  ];

  return (
    <>
      <Card
        title={t('enterprises.list.title')}
        extra={
          mayTake('enterprise.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('enterprises.list.create')}
            </Button>
          )
        }
      >
        <Input.Search
          allowClear
          placeholder={t('enterprises.list.searchPlaceholder')}
          style={{ maxWidth: 420, marginBottom: 16 }}
          onSearch={(value) => {
            setSearch(value.trim() || null);
            setPager((current) => firstPage(current.pageSize));
          }}
        />
        {error && <ErrorAlert title={t('enterprises.list.loadFailed')} error={error} />}
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.edges.map((edge) => edge.node) ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('enterprises.list.empty') }}
        />
        <CursorPagerBar
          pager={pager}
          onChange={setPager}
          totalCount={page?.totalCount ?? 0}
          endCursor={endCursor}
          loading={loading}
          unit={t('enterprises.list.unit')}
        />
      </Card>
      {seesProposals && (
        <BlacklistPanel
          proposals={proposals.data?.blacklistProposals ?? []}
          loading={proposals.loading}
          error={proposals.error}
          onOpenEnterprise={setOpenId}
        />
      )}
      <CreateEnterpriseModal open={creating} onClose={() => setCreating(false)} onCreated={setOpenId} />
      <EnterpriseDrawer
        enterpriseId={openId}
        hasPendingProposal={openId !== null && pendingFor.has(openId)}
        onClose={() => setOpenId(null)}
      />
    </>
  );
}
