import { setLang } from '../../../i18n';
import { taskKindLabel, taskTarget, taskUrgency } from '../taskDisplay';
import type { TaskNode } from '../tasks.graphql';

const task = (over: Partial<TaskNode>): TaskNode => ({
  id: 'CLAIM_VERIFY:c1:1',
  kind: 'CLAIM_VERIFY',
  title: '核实补偿申请',
  dueOn: '2026-11-20',
  operation: 'claim.verify',
  article: 'Art 17',
  subject: { __typename: 'Claim', id: 'c1' },
  ...over,
});

describe('taskDisplay', () => {
  it('labels known kinds in Chinese and shows an unknown kind as it is', () => {
    expect(taskKindLabel('CLAIM_CO_SIGN')).toBe('会签');
    expect(taskKindLabel('STATEMENT_DUE')).toBe('报送财务报表');
    expect(taskKindLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('a remittance past its due date is overdue; other work is only marked when it started today', () => {
    expect(taskUrgency(task({ kind: 'REMITTANCE_DUE', dueOn: '2026-11-26' }), '2026-11-27')).toBe('overdue');
    expect(taskUrgency(task({ kind: 'REMITTANCE_DUE', dueOn: '2026-12-27' }), '2026-11-27')).toBe('normal');
    expect(taskUrgency(task({ kind: 'REMITTANCE_OVERDUE', dueOn: '2026-12-27' }), '2026-11-27')).toBe(
      'overdue',
    );
    expect(taskUrgency(task({ dueOn: '2026-11-27' }), '2026-11-27')).toBe('today');
    expect(taskUrgency(task({ dueOn: '2026-11-01' }), '2026-11-27')).toBe('normal');
  });

  it('sends each subject to the page where its work is done', () => {
    expect(taskTarget(task({}))).toEqual({ path: '/claims', open: 'c1' });
    expect(taskTarget(task({ subject: { __typename: 'Recovery', id: 'r1', claimId: 'c1' } }))).toEqual({
      path: '/remittances',
      open: 'r1',
    });
    expect(
      taskTarget(task({ subject: { __typename: 'BankRisk', bank: { id: 'b', name: '银行' } } })).path,
    ).toBe('/risk');
    expect(taskTarget(task({ subject: { __typename: 'Enterprise', id: 'e1' } })).path).toBe('/financials');
  });
});

describe('taskKindLabel in English', () => {
  afterAll(() => setLang('zh-CN'));

  it('follows the language at the time of the call', async () => {
    await setLang('en');
    expect(taskKindLabel('CLAIM_CO_SIGN')).toBe('Co-signing');
    expect(taskKindLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
