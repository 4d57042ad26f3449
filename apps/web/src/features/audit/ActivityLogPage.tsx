import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatArticle } from '@ipfund/shared';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { messageOf } from '../audit/messageOf';
import { ExportButton } from '../../lib/ExportButton';
import { dateParam, exportHref, textParam } from '../../lib/tableQuery';
import {
  ACTIVITY_LOG_QUERY,
  ORG_KIND_ZH,
  VERIFY_CHAIN_QUERY,
  type ActivityFilter,
  type ActivityRecord,
} from './audit.graphql';

const PAGE_SIZE = 50;

/** The filters as the URL holds them (#/activity?operation=claim.&outcome=REFUSED…). */
function filterFrom(params: Record<string, string>): ActivityFilter {
  const outcome = params.outcome === 'OK' || params.outcome === 'REFUSED' ? params.outcome : null;
  return {
    operation: textParam(params.operation),
    outcome,
    article: textParam(params.article),
    fromDate: dateParam(params.fromDate),
    toDate: dateParam(params.toDate),
    userId: textParam(params.userId),
    organizationId: textParam(params.organizationId),
    subjectId: textParam(params.subjectId),
  };
}

/** Whether the log's hash chain verifies end to end (Art 20: the record an audit relies on). */
function ChainStatus() {
  const { data, loading, error, refetch } = useQuery(VERIFY_CHAIN_QUERY, { fetchPolicy: 'network-only' });
  if (error) return <ErrorAlert title="无法校验操作日志" description={messageOf(error)} />;
  const status = data?.verifyActivityChain;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={!status ? 'info' : status.ok ? 'success' : 'error'}
      showIcon
      icon={status && !status.ok ? <WarningOutlined /> : <SafetyCertificateOutlined />}
      title={
        !status
          ? '正在校验操作日志的哈希链…'
          : status.ok
            ? `哈希链完整：已校验 ${status.checked} 条记录，无篡改、无删除`
            : `哈希链断裂：第 ${status.firstBrokenId} 号记录与其内容或前一条记录不符（已校验 ${status.checked} 条）`
      }
      action={
        <Button size="small" loading={loading} onClick={() => void refetch()}>
          重新校验
        </Button>
      }
      data-testid="chain-status"
    />
  );
}

/** 操作日志: who did what, when, with which outcome and under which article; filters in the URL; export. */
export function ActivityLogPage() {
  const params = useHashParams();
  const filter = filterFrom(params);
  // Keyset pages: the cursors of the pages before the current one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error } = useQuery(ACTIVITY_LOG_QUERY, {
    variables: { filter, first: PAGE_SIZE, after },
  });
  const change = (changes: Record<string, string | null | undefined>) => {
    setCursors([null]);
    setHashParams(changes);
  };
  const page = data?.activityLog;
  const columns: TableColumnsType<ActivityRecord> = [
    { title: '序号', dataIndex: 'id', width: 80 },
    {
      title: '时间',
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string, r) => (
        <span title={`业务日期 ${r.businessDate}`}>{dayjs(v).format('YYYY-MM-DD HH:mm:ss')}</span>
      ),
    },
    {
      title: '操作人',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.userName ?? '系统'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.organizationName ?? '—'} {r.orgKind ? `（${ORG_KIND_ZH[r.orgKind] ?? r.orgKind}）` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'operation',
      render: (op: string) => (
        <Typography.Link onClick={() => change({ operation: op })}>
          <code>{op}</code>
        </Typography.Link>
      ),
    },
    {
      title: '对象',
      render: (_, r) =>
        r.targetId ? (
          <Typography.Link onClick={() => change({ subjectId: r.targetId })} title={r.targetId}>
            {r.targetType ?? ''} {r.targetId.slice(0, 8)}
          </Typography.Link>
        ) : (
          '—'
        ),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 90,
      render: (o: string) => (o === 'OK' ? <Tag color="green">成功</Tag> : <Tag color="red">被拒绝</Tag>),
    },
    {
      title: '依据',
      dataIndex: 'article',
      width: 110,
      render: (a: string | null) => (a ? formatArticle(a, 'zh-CN') : '—'),
    },
  ];
  return (
    <Card
      title="操作日志"
      extra={<ExportButton href={exportHref('activity', { ...filter })} fallbackName="操作日志.xlsx" />}
    >
      <ChainStatus />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="操作，如 claim.approve 或 claim."
          defaultValue={filter.operation ?? ''}
          onSearch={(v) => change({ operation: v.trim() || null })}
          style={{ width: 240 }}
          data-testid="filter-operation"
        />
        <Select
          allowClear
          placeholder="结果"
          value={filter.outcome ?? undefined}
          onChange={(v?: string) => change({ outcome: v ?? null })}
          options={[
            { value: 'OK', label: '成功' },
            { value: 'REFUSED', label: '被拒绝' },
          ]}
          style={{ width: 110 }}
        />
        <Input.Search
          allowClear
          placeholder="条款，如 Art 17"
          defaultValue={filter.article ?? ''}
          onSearch={(v) => change({ article: v.trim() || null })}
          style={{ width: 160 }}
        />
        <DatePicker.RangePicker
          value={[
            filter.fromDate ? dayjs(filter.fromDate) : null,
            filter.toDate ? dayjs(filter.toDate) : null,
          ]}
          onChange={(range) =>
            change({
              fromDate: range?.[0]?.format('YYYY-MM-DD') ?? null,
              toDate: range?.[1]?.format('YYYY-MM-DD') ?? null,
            })
          }
        />
        <Input.Search
          allowClear
          placeholder="对象 ID"
          defaultValue={filter.subjectId ?? ''}
          onSearch={(v) => change({ subjectId: v.trim() || null })}
          style={{ width: 200 }}
        />
        {(filter.userId || filter.organizationId) && (
          <Button onClick={() => change({ userId: null, organizationId: null })}>清除人员/单位筛选</Button>
        )}
      </Space>
      {error && <ErrorAlert title="无法加载操作日志" description={messageOf(error)} />}
      <Table<ActivityRecord>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={page?.edges.map((e) => e.node) ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (r) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                {r.userId && (
                  <Button size="small" onClick={() => change({ userId: r.userId })}>
                    只看此人
                  </Button>
                )}
                {r.organizationId && (
                  <Button size="small" onClick={() => change({ organizationId: r.organizationId })}>
                    只看此单位
                  </Button>
                )}
              </Space>
              <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {JSON.stringify(JSON.parse(r.detail), null, 2)}
              </pre>
              <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
                {r.rowHash}
              </Typography.Text>
            </Space>
          ),
        }}
      />
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Button disabled={cursors.length < 2 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <Typography.Text>第 {cursors.length} 页</Typography.Text>
        <Button
          disabled={!page?.pageInfo.hasNextPage || loading}
          onClick={() => page?.pageInfo.endCursor && setCursors((c) => [...c, page.pageInfo.endCursor])}
        >
          下一页
        </Button>
      </Space>
    </Card>
  );
}
