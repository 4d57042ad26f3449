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
import { useTranslation } from 'react-i18next';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { useLang } from '../../i18n';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { messageOf } from '../audit/messageOf';
import { ExportButton } from '../../lib/ExportButton';
import { dateParam, exportHref, textParam } from '../../lib/tableQuery';
import {
  ACTIVITY_LOG_QUERY,
  VERIFY_CHAIN_QUERY,
  type ActivityFilter,
  type ActivityRecord,
} from './audit.graphql';

const PAGE_SIZE = 50;

/** How an article is written in the filter: the API's code (the log stores it so). */
const ARTICLE_FILTER_EXAMPLE = 'Art 17';

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
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(VERIFY_CHAIN_QUERY, { fetchPolicy: 'network-only' });
  if (error) return <ErrorAlert title={t('audit.log.chainFailed')} description={messageOf(error)} />;
  const status = data?.verifyActivityChain;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={!status ? 'info' : status.ok ? 'success' : 'error'}
      showIcon
      icon={status && !status.ok ? <WarningOutlined /> : <SafetyCertificateOutlined />}
      title={
        !status
          ? t('audit.log.chainChecking')
          : status.ok
            ? t('audit.log.chainOk', { checked: status.checked })
            : t('audit.log.chainBroken', { id: status.firstBrokenId, checked: status.checked })
      }
      action={
        <Button size="small" loading={loading} onClick={() => void refetch()}>
          {t('audit.log.recheck')}
        </Button>
      }
      data-testid="chain-status"
    />
  );
}

/** 操作日志: who did what, when, with which outcome and under which article; filters in the URL; export. */
export function ActivityLogPage() {
  const { t } = useTranslation();
  const lang = useLang();
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
    { title: t('audit.log.id'), dataIndex: 'id', width: 80 },
    {
      title: t('audit.log.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string, r) => (
        <span title={t('audit.log.businessDate', { date: r.businessDate })}>
          {dayjs(v).format('YYYY-MM-DD HH:mm:ss')}
        </span>
      ),
    },
    {
      title: t('audit.log.actor'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.userName ?? t('audit.log.system')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.organizationName ?? t('audit.common.none')}{' '}
            {r.orgKind
              ? t('audit.log.orgKind', { kind: t(`audit.orgKind.${r.orgKind}`, { defaultValue: r.orgKind }) })
              : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.log.operation'),
      dataIndex: 'operation',
      render: (op: string) => (
        <Typography.Link onClick={() => change({ operation: op })}>
          <code>{op}</code>
        </Typography.Link>
      ),
    },
    {
      title: t('audit.log.target'),
      render: (_, r) =>
        r.targetId ? (
          <Typography.Link onClick={() => change({ subjectId: r.targetId })} title={r.targetId}>
            {r.targetType ?? ''} {r.targetId.slice(0, 8)}
          </Typography.Link>
        ) : (
          t('audit.common.none')
        ),
    },
    {
      title: t('audit.log.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: string) =>
        o === 'OK' ? (
          <Tag color="green">{t('audit.log.ok')}</Tag>
        ) : (
          <Tag color="red">{t('audit.log.refused')}</Tag>
        ),
    },
    {
      title: t('audit.common.article'),
      dataIndex: 'article',
      width: 110,
      render: (a: string | null) => (a ? formatArticle(a, lang) : t('audit.common.none')),
    },
  ];
  return (
    <Card
      title={t('audit.log.title')}
      extra={
        <ExportButton href={exportHref('activity', { ...filter })} fallbackName={t('audit.log.exportName')} />
      }
    >
      <ChainStatus />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('audit.log.filterOperation')}
          defaultValue={filter.operation ?? ''}
          onSearch={(v) => change({ operation: v.trim() || null })}
          style={{ width: 240 }}
          data-testid="filter-operation"
        />
        <Select
          allowClear
          placeholder={t('audit.log.outcome')}
          value={filter.outcome ?? undefined}
          onChange={(v?: string) => change({ outcome: v ?? null })}
          options={[
            { value: 'OK', label: t('audit.log.ok') },
            { value: 'REFUSED', label: t('audit.log.refused') },
          ]}
          style={{ width: 110 }}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.log.filterArticle', { example: ARTICLE_FILTER_EXAMPLE })}
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
          placeholder={t('audit.log.filterSubject')}
          defaultValue={filter.subjectId ?? ''}
          onSearch={(v) => change({ subjectId: v.trim() || null })}
          style={{ width: 200 }}
        />
        {(filter.userId || filter.organizationId) && (
          <Button onClick={() => change({ userId: null, organizationId: null })}>
            {t('audit.log.clearPerson')}
          </Button>
        )}
      </Space>
      {error && <ErrorAlert title={t('audit.log.loadFailed')} description={messageOf(error)} />}
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
                    {t('audit.log.onlyUser')}
                  </Button>
                )}
                {r.organizationId && (
                  <Button size="small" onClick={() => change({ organizationId: r.organizationId })}>
                    {t('audit.log.onlyOrganization')}
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
          {t('audit.log.previous')}
        </Button>
        <Typography.Text>{t('audit.log.page', { page: cursors.length })}</Typography.Text>
        <Button
          disabled={!page?.pageInfo.hasNextPage || loading}
          onClick={() => page?.pageInfo.endCursor && setCursors((c) => [...c, page.pageInfo.endCursor])}
        >
          {t('audit.log.next')}
        </Button>
      </Space>
    </Card>
  );
}
