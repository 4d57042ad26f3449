import { i18n } from '../../i18n';

/** The shared components' texts: the Chinese exactly as before (browser tests find them), English in kind. */
describe('the texts of lib/', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');

  it('pager bar', () => {
    expect(zh('lib.pager.total', { total: 12, unit: '笔' })).toBe('共 12 笔');
    expect(en('lib.pager.total', { total: 12, unit: 'loans' })).toBe('Total: 12 loans');
    expect(zh('lib.pager.page', { page: 2, pages: 5 })).toBe('第 2 / 5 页');
    expect(en('lib.pager.page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(zh('lib.pager.pageSize', { size: 20 })).toBe('20 条/页');
    expect(en('lib.pager.pageSize', { size: 20 })).toBe('20 / page');
    expect([zh('lib.pager.previous'), zh('lib.pager.next')]).toEqual(['上一页', '下一页']);
    expect([en('lib.pager.previous'), en('lib.pager.next')]).toEqual(['Previous', 'Next']);
  });

  it('export button and column settings', () => {
    expect(zh('lib.export.button')).toBe('导出 Excel');
    expect(zh('lib.export.failed', { reason: zh('lib.export.network') })).toBe('导出失败：网络错误');
    expect(en('lib.export.failed', { reason: 403 })).toBe('Export failed: 403');
    expect([zh('lib.columns.button'), zh('lib.columns.title'), zh('lib.columns.reset')]).toEqual([
      '列设置',
      '显示列',
      '恢复默认',
    ]);
  });
});
