import { setLang } from '../../../i18n';
import { creditCodeProblem, ipKindLabel, proposalStatusLabel } from '../enterpriseDisplay';

describe('creditCodeProblem (GB 32100-2015)', () => {
  it.each(['91500105MA5U1A2B3A', '91500105MA5U2C4D54', '91500105ma5u3e6f7x', ' 91500105MA5U4G8H9P '])(
    'accepts %s',
    (code) => {
      expect(creditCodeProblem(code)).toBeNull();
    },
  );

  it('names the right check character', () => {
    expect(creditCodeProblem('91500105MA5U1A2B3B')).toBe('校验位应为 A');
  });

  it('refuses a wrong length or a letter outside the alphabet', () => {
    expect(creditCodeProblem('91500105MA5U1A2B3')).toMatch(/18 位/);
    expect(creditCodeProblem('91500105MA5U1A2BIA')).toMatch(/不含 I、O、S、V、Z/);
  });
});

describe('labels', () => {
  it('translates IP kinds and proposal statuses, unknown as sent', () => {
    expect(ipKindLabel('PATENT')).toBe('专利');
    expect(ipKindLabel('TRADEMARK')).toBe('商标');
    expect(ipKindLabel('DESIGN')).toBe('DESIGN');
    expect(proposalStatusLabel('APPROVED').label).toBe('已列入');
    expect(proposalStatusLabel('toString').label).toBe('toString');
  });
});

describe('in English', () => {
  beforeAll(() => setLang('en'));
  afterAll(() => setLang('zh-CN'));

  it('explains a bad code and names kinds and statuses in English', () => {
    expect(creditCodeProblem('91500105MA5U1A2B3B')).toBe('The check character should be A');
    expect(creditCodeProblem('123')).toBe('A unified social credit code has 18 characters');
    expect(ipKindLabel('TRADEMARK')).toBe('Trademark');
    expect(proposalStatusLabel('PENDING')).toEqual({
      label: "Awaiting the IP bureau's decision",
      color: 'orange',
    });
  });
});
