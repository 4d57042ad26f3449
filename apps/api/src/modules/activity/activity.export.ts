import { isIsoDate } from '@ipfund/policy';
import { badInput } from '../../common/errors';
import { sheet, writeXlsx } from '../../export/xlsx';
import type { ActivityFilter, ActivityRow } from './activity.service';

/** The browser's filters from the export's query string (same names as ActivityFilterInput). */
export function activityFilterFromQuery(query: Record<string, string>): ActivityFilter {
  const date = (name: 'fromDate' | 'toDate') => {
    const v = query[name];
    if (v === undefined || v === '') return null;
    if (!isIsoDate(v)) throw badInput('activity.badFilter', { detail: `${name} is not a date` });
    return v;
  };
  const outcome = query.outcome;
  if (outcome && outcome !== 'OK' && outcome !== 'REFUSED') {
    throw badInput('activity.badFilter', { detail: 'outcome is OK or REFUSED' });
  }
  const text = (name: string) => {
    const v = query[name];
    if (v && v.length > 100) throw badInput('activity.badFilter', { detail: `${name} is too long` });
    return v || null;
  };
  return {
    userId: text('userId'),
    organizationId: text('organizationId'),
    operation: text('operation'),
    outcome: (outcome as 'OK' | 'REFUSED' | undefined) || null,
    article: text('article'),
    fromDate: date('fromDate'),
    toDate: date('toDate'),
    subjectId: text('subjectId'),
  };
}

/** 操作日志 as one sheet, the rows the browser shows for the same filters, newest first. */
export function activityXlsx(rows: readonly ActivityRow[]): Promise<Buffer> {
  return writeXlsx(
    [
      sheet<ActivityRow>({
        name: '操作日志',
        rows,
        columns: [
          { header: '序号', kind: 'integer', value: (r) => Number(r.id) },
          { header: '时间', kind: 'datetime', value: (r) => r.occurredAt },
          { header: '业务日期', kind: 'date', value: (r) => r.businessDate },
          { header: '操作人', kind: 'text', value: (r) => r.userName },
          { header: '单位', kind: 'text', value: (r) => r.organizationName },
          { header: '单位类型', kind: 'text', value: (r) => r.orgKind },
          { header: '操作', kind: 'text', value: (r) => r.operation },
          { header: '对象类型', kind: 'text', value: (r) => r.targetType },
          { header: '对象', kind: 'text', value: (r) => r.targetId },
          { header: '结果', kind: 'text', value: (r) => (r.outcome === 'OK' ? '成功' : '被拒绝') },
          { header: '依据条款', kind: 'text', value: (r) => r.article },
          { header: '详情', kind: 'text', value: (r) => JSON.stringify(r.detail ?? {}), width: 60 },
          { header: '记录哈希', kind: 'text', value: (r) => r.rowHash, width: 66 },
        ],
      }),
    ],
    { title: '操作日志' },
  );
}
