import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useViewerPermissions } from '../../app/useViewer';
import { CursorPagerBar } from '../../lib/CursorPagerBar';
import { currentAfter, firstPage, nextCursor, PAGE_SIZES, type CursorPager } from '../../lib/cursorPager';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { BlacklistPanel } from './BlacklistPanel';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { CreateEnterpriseModal } from './EnterpriseForms';
import { BLACKLIST_PROPOSALS_QUERY, ENTERPRISES_QUERY, type EnterpriseRow } from './enterprises.graphql';

function ipSummary(e: EnterpriseRow): string {
  const patents = e.ipAssets.filter((a) => a.kind === 'PATENT').length;
  const marks = e.ipAssets.filter((a) => a.kind === 'TRADEMARK').length;
  return `专利 ${patents} 项 / 商标 ${marks} 项`;
}

/**
 * 企业库 (Art 6.3): the enterprises the caller may see (the API filters), with their IP and the
 * blacklist flag (Art 21); blacklist proposals for those who read them. "新增企业" follows
 * `enterprise.create`; the drawer and the proposals follow each record's `viewerCan`.
 */
export function EnterprisesPage() {
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
      title: '企业名称',
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, e: EnterpriseRow) => (
        <Space size="small">
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(e.id)}>
            {name}
          </Button>
          {e.blacklisted && <Tag color="red">黑名单</Tag>}
          {pendingFor.has(e.id) && <Tag color="orange">黑名单提议待决定</Tag>}
        </Space>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode' },
    { title: '所属行业', dataIndex: 'industry', render: (v: string) => v || '—' },
    { title: '所在区', dataIndex: 'district', render: (v: string) => v || '—' },
    { title: '知识产权', key: 'ip', render: (_: unknown, e: EnterpriseRow) => ipSummary(e) },
    {
      title: '资格',
      key: 'blacklist',
      render: (_: unknown, e: EnterpriseRow) =>
        e.blacklisted ? (
          <Tag color="red">自 {e.blacklistedSince} 取消资格</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
  ];

  return (
    <>
      <Card
        title="企业库"
        extra={
          mayTake('enterprise.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增企业
            </Button>
          )
        }
      >
        <Input.Search
          allowClear
          placeholder="按企业名称或统一社会信用代码搜索"
          style={{ maxWidth: 420, marginBottom: 16 }}
          onSearch={(value) => {
            setSearch(value.trim() || null);
            setPager((current) => firstPage(current.pageSize));
          }}
        />
        {error && <ErrorAlert title="企业库加载失败" error={error} />}
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.edges.map((edge) => edge.node) ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无可查看的企业' }}
        />
        <CursorPagerBar
          pager={pager}
          onChange={setPager}
          totalCount={page?.totalCount ?? 0}
          endCursor={endCursor}
          loading={loading}
          unit="家"
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
