import { CombinedGraphQLErrors } from '@apollo/client';
import { errorLines, errorText } from '../ErrorAlert';

/** What the API sends (apps/api/src/graphql/errors.ts): code, message key with params, article. */
const refusal = {
  message: 'A claim on this loan is already open or paid (one claim per loan, Art 11)',
  extensions: {
    code: 'CONFLICT',
    messageKey: 'claim.onePerLoan',
    params: { article: 'Art 11' },
    article: 'Art 11',
    articleNumbers: [11],
  },
};

describe('the one error formatter', () => {
  it('renders the message from its key in the language asked, with the article in its format', () => {
    const error = new CombinedGraphQLErrors({ errors: [refusal] });
    expect(errorText(error, 'zh-CN')).toBe(
      '[当前状态不允许] 第十一条：该贷款已有在办或已支付的补偿申请（每笔贷款补偿一次，第十一条）',
    );
    expect(errorText(error, 'en')).toBe(
      '[Not possible in the current state] Art 11: A claim on this loan is already open or paid (one claim per loan, Art 11)',
    );
    expect(errorLines(error, 'zh-CN')[0]).toMatchObject({ code: 'CONFLICT', article: 'Art 11' });
  });

  it("an unknown key (a newer server) shows the server's text; amounts in server text are formatted", () => {
    const newer = {
      message: '新的规则',
      extensions: { code: 'POLICY_VIOLATION', messageKey: 'x.new', params: {} },
    };
    expect(errorText({ errors: [newer] }, 'zh-CN')).toBe('[不符合办法规定] 新的规则');
    const overdraft = {
      message: '…',
      extensions: {
        code: 'POLICY_VIOLATION',
        messageKey: 'ledger.insufficient',
        params: { account: '100201', kind: 'COMPENSATION_PAYOUT', amount: '9999999.00', balance: '1200.00' },
      },
    };
    expect(errorText({ errors: [overdraft] }, 'zh-CN')).toBe(
      '[不符合办法规定] 专户本金余额不足：风险补偿支付 9,999,999.00 元，余额仅 1,200.00 元',
    );
  });

  it('several errors in one line; a request that never reached the API in words', () => {
    const two = {
      errors: [
        refusal,
        {
          message: 'Internal error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'common.internal' },
        },
      ],
    };
    expect(errorText(two, 'zh-CN').split('；')).toHaveLength(2);
    expect(errorText(new TypeError('Failed to fetch'), 'zh-CN')).toBe('无法连接服务器，请稍后重试');
    expect(errorText(new TypeError('Failed to fetch'), 'en')).toBe(
      'Cannot reach the server; please try again later',
    );
    expect(errorText(null, 'zh-CN')).toBe('未知错误');
  });
});
