import type { SameKeys } from '../../i18n/types';

/**
 * This feature's texts, under the key "tasks." (t('tasks.…')). Chinese is the original; English must have
 * the same keys (the type checks it). Server messages are not here: they come by key from
 * packages/shared/src/messages.ts.
 */
export const zh = {
  title: '待办',
  empty: '暂无待办事项',
  loadFailed: '待办加载失败',
  handle: '去处理',
  dueOn: '到期日 {{date}}',
  startedOn: '起始日 {{date}}',
  basis: '依据 {{article}}',
  more: '显示更多（共 {{n}} 项）',
  /** Short labels for the kinds of work (the task's own title says what and on which record). */
  kind: {
    CLAIM_FILE: '申请补偿',
    CLAIM_DOCUMENTS: '补齐材料',
    CLAIM_RESUBMIT: '补充材料',
    CLAIM_CONFIRM_SHARE: '确认分担',
    CLAIM_VERIFY: '核实申请',
    CLAIM_CO_SIGN: '会签',
    CLAIM_PAY: '划付补偿',
    LOAN_ACKNOWLEDGE: '确认担保',
    REMITTANCE_DUE: '返还追偿款',
    REMITTANCE_OVERDUE: '返还逾期',
    REMITTANCE_CONFIRM: '确认到账',
    STATEMENT_DUE: '报送财务报表',
    RISK_WARNING: '风险预警',
    SUSPENSION_PROPOSE: '提议暂停',
    SUSPENSION_DECIDE: '审议暂停',
    BLACKLIST_DECIDE: '审议黑名单',
    RISK_EVENT_VERIFY: '核实预警',
    FUND_RESUMPTION_VOTE: '恢复补偿',
  },
};

export const en: SameKeys<typeof zh> = {
  title: 'Tasks',
  empty: 'Nothing to do',
  loadFailed: 'Could not load your tasks',
  handle: 'Open',
  dueOn: 'Due {{date}}',
  startedOn: 'Since {{date}}',
  basis: 'Under {{article}}',
  more: 'Show more ({{n}} in total)',
  kind: {
    CLAIM_FILE: 'File claim',
    CLAIM_DOCUMENTS: 'Add documents',
    CLAIM_RESUBMIT: 'Resubmit claim',
    CLAIM_CONFIRM_SHARE: 'Confirm share',
    CLAIM_VERIFY: 'Verify claim',
    CLAIM_CO_SIGN: 'Co-signing',
    CLAIM_PAY: 'Pay compensation',
    LOAN_ACKNOWLEDGE: 'Acknowledge guarantee',
    REMITTANCE_DUE: 'Remit recovery',
    REMITTANCE_OVERDUE: 'Remittance overdue',
    REMITTANCE_CONFIRM: 'Confirm receipt',
    STATEMENT_DUE: 'Submit financial statements',
    RISK_WARNING: 'Risk warning',
    SUSPENSION_PROPOSE: 'Propose suspension',
    SUSPENSION_DECIDE: 'Decide suspension',
    BLACKLIST_DECIDE: 'Decide blacklisting',
    RISK_EVENT_VERIFY: 'Verify risk event',
    FUND_RESUMPTION_VOTE: 'Resume compensation',
  },
};
