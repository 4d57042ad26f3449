import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Empty, Space, Tag, Typography } from 'antd';
import { formatArticle } from '@ipfund/shared';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { navigate } from '../../app/useHashPath';
import { hashWithQuery } from '../../app/hashPath';
import { ClaimDrawer } from '../claims/ClaimDrawer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { MY_TASKS_QUERY, TASK_COUNT_QUERY, type TaskNode } from './tasks.graphql';
import { taskKindLabel, taskTarget, taskUrgency } from './taskDisplay';
import { PlainList, PlainListItem } from '../../lib/PlainList';

const URGENCY_COLOR = { overdue: 'red', today: 'orange', normal: 'default' } as const;

/**
 * 待办: everything awaiting the signed-in user's own action, soonest due first. A claim opens in its
 * drawer right here (the step is taken there, and the list refreshes); any other task goes to the
 * page where it is done.
 */
export function TaskList({ pageSize = 10, today }: { pageSize?: number; today?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [openClaim, setOpenClaim] = useState<string | null>(null);
  const [first, setFirst] = useState(pageSize);
  const { data, previousData, loading, error, refetch } = useQuery(MY_TASKS_QUERY, {
    variables: { first },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.myTasks;
  const day = today ?? new Date().toISOString().slice(0, 10);

  const open = (task: TaskNode) => {
    if (task.subject.__typename === 'Claim' && task.subject.id) {
      setOpenClaim(task.subject.id);
      return;
    }
    const target = taskTarget(task);
    navigate(hashWithQuery(target.path, { open: target.open }).slice(1));
  };

  if (error && !page) return <ErrorAlert title={t('tasks.loadFailed')} error={error} />;
  return (
    <>
      <PlainList<TaskNode>
        data-testid="task-list"
        loading={loading && !page}
        items={page?.nodes ?? []}
        rowKey={(task) => task.id}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />}
        header={
          <Space>
            <Typography.Text strong>{t('tasks.title')}</Typography.Text>
            <Badge count={page?.totalCount ?? 0} showZero overflowCount={999} />
          </Space>
        }
        renderItem={(task) => {
          const urgency = taskUrgency(task, day);
          return (
            <PlainListItem
              data-task-kind={task.kind}
              actions={
                <Button type="link" size="small" onClick={() => open(task)}>
                  {t('tasks.handle')}
                </Button>
              }
              title={
                <Space wrap size={4}>
                  <Tag color="blue">{taskKindLabel(task.kind)}</Tag>
                  <a onClick={() => open(task)}>{task.title}</a>
                </Space>
              }
              description={
                <Space wrap size={8}>
                  <Tag color={URGENCY_COLOR[urgency]}>
                    {t(task.kind.startsWith('REMITTANCE') ? 'tasks.dueOn' : 'tasks.startedOn', {
                      date: task.dueOn,
                    })}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('tasks.basis', { article: formatArticle(task.article, lang) })}
                  </Typography.Text>
                </Space>
              }
            />
          );
        }}
        footer={
          page?.pageInfo.hasNextPage ? (
            <Button block onClick={() => setFirst((n) => Math.min(n + pageSize * 2, 100))}>
              {t('tasks.more', { n: page.totalCount })}
            </Button>
          ) : null
        }
      />
      <ClaimDrawer
        claimId={openClaim}
        onClose={() => {
          setOpenClaim(null);
          void refetch();
        }}
      />
    </>
  );
}

/**
 * The number of open tasks, for the menu badge: refreshed every minute and whenever a mutation
 * refetches active queries. 0 while loading or on error (a badge is no place for an error).
 */
export function useTaskCount(pollIntervalMs = 60_000): number {
  const { data } = useQuery(TASK_COUNT_QUERY, {
    pollInterval: pollIntervalMs,
    fetchPolicy: 'cache-and-network',
  });
  return data?.myTasks.totalCount ?? 0;
}
