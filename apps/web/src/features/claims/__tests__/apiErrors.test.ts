import { apiErrorText, describeApiError, describeGraphQLError } from '../apiErrors';

describe('describeGraphQLError', () => {
  it('shows the code and the article of a rule refusal', () => {
    expect(
      describeGraphQLError({
        message: '59 days overdue on 2026-11-27; a claim needs at least 60',
        extensions: { code: 'POLICY_VIOLATION', article: 'Art 17' },
      }),
    ).toEqual({
      code: 'POLICY_VIOLATION',
      article: 'Art 17',
      codeText: '不符合办法规定（POLICY_VIOLATION）',
      text: '第17条 / Art 17: 59 days overdue on 2026-11-27; a claim needs at least 60',
    });
  });

  it('works without an article, and with an unknown code', () => {
    expect(describeGraphQLError({ message: 'No', extensions: { code: 'FORBIDDEN' } })).toMatchObject({
      codeText: '无权操作（FORBIDDEN）',
      text: 'No',
      article: null,
    });
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'TEAPOT' } }).codeText).toBe('TEAPOT');
  });
});

describe('describeApiError', () => {
  it('lists every GraphQL error of a combined error', () => {
    const error = Object.assign(new Error('combined'), {
      errors: [
        { message: 'The fund is not suspended', extensions: { code: 'CONFLICT', article: 'Art 19' } },
        { message: 'Claim not found', extensions: { code: 'NOT_FOUND' } },
      ],
    });
    expect(describeApiError(error).map((l) => l.text)).toEqual([
      '第19条 / Art 19: The fund is not suspended',
      'Claim not found',
    ]);
    expect(apiErrorText(error)).toBe(
      '[当前状态不允许（CONFLICT）] 第19条 / Art 19: The fund is not suspended；[记录不存在（NOT_FOUND）] Claim not found',
    );
  });

  it('falls back to the message of a network error, or a generic text', () => {
    expect(apiErrorText(new Error('Failed to fetch'))).toBe('Failed to fetch');
    expect(apiErrorText(null)).toBe('未知错误');
    expect(apiErrorText({ errors: [], message: 'Bad gateway' })).toBe('Bad gateway');
  });
});
