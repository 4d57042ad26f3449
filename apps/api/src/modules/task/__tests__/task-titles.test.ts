import { MESSAGES } from '@ipfund/shared';
import { TASK_KINDS, taskTitle } from '../task.rules';

/**
 * The work queue's titles in both languages (issue 11): every task kind has its message, the Chinese
 * reads as the queue always did, and the English carries the same facts.
 */
describe('task titles', () => {
  it('every kind has a title message in Chinese and English with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const kind of TASK_KINDS) {
      const message = (MESSAGES as Record<string, { en: string; 'zh-CN': string }>)[`task.${kind}`];
      expect([kind, typeof message?.en, typeof message?.['zh-CN']]).toEqual([kind, 'string', 'string']);
      // The statement's quarter is a label in Chinese and the quarter key in English.
      const zh = names(message['zh-CN']).map((n) => (n === 'quarterLabel' ? 'quarter' : n));
      expect([kind, names(message.en)]).toEqual([kind, zh]);
    }
  });

  it('renders a claim task as before in Chinese, and in English with the same enterprise and contract', () => {
    const task = {
      kind: 'CLAIM_VERIFY' as const,
      titleParams: { enterprise: '重庆某某科技', contract: 'HT-1' },
    };
    expect(taskTitle(task, 'zh-CN')).toBe('核实补偿申请（重庆某某科技，合同 HT-1）');
    expect(taskTitle(task, 'en')).toBe('Verify the compensation claim (重庆某某科技, contract HT-1)');
  });

  it('formats a remittance amount per language', () => {
    const task = { kind: 'REMITTANCE_DUE' as const, titleParams: { amount: '300000.00', contract: 'HT-2' } };
    expect(taskTitle(task, 'zh-CN')).toBe('返还追偿所得 300,000.00 元（合同 HT-2）');
    expect(taskTitle(task, 'en')).toBe('Remit the recovery share of ¥300,000.00 (contract HT-2)');
  });
});
