import type { SameKeys } from '../i18n/types';

/**
 * The shared components' texts (lib/: export button, column settings, pager bar, error lines), under
 * the key "lib." (t('lib.…')). Chinese is the original; English must have the same keys (the type
 * checks it). The counting word of the pager's total comes from the page that uses it.
 */
export const zh = {
  export: {
    button: '导出 Excel',
    failed: '导出失败：{{reason}}',
    network: '网络错误',
  },
  columns: {
    button: '列设置',
    title: '显示列',
    reset: '恢复默认',
  },
  pager: {
    total: '共 {{total}} {{unit}}',
    previous: '上一页',
    next: '下一页',
    page: '第 {{page}} / {{pages}} 页',
    pageSize: '{{size}} 条/页',
  },
  error: {
    /** An error's text after the article it cites: "第十七条：…". */
    withArticle: '{{article}}：{{message}}',
    /** Between several errors in one line. */
    separator: '；',
  },
};

export const en: SameKeys<typeof zh> = {
  export: {
    button: 'Export to Excel',
    failed: 'Export failed: {{reason}}',
    network: 'network error',
  },
  columns: {
    button: 'Columns',
    title: 'Shown columns',
    reset: 'Restore defaults',
  },
  pager: {
    total: 'Total: {{total}} {{unit}}',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {{page}} of {{pages}}',
    pageSize: '{{size}} / page',
  },
  error: {
    withArticle: '{{article}}: {{message}}',
    separator: '; ',
  },
};
