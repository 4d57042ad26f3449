import {
  creditCodeProblem,
  ipKindLabel,
  mayDecideBlacklist,
  mayEditEnterprises,
  mayProposeBlacklist,
  maySeeBlacklistProposals,
  proposalStatusLabel,
} from '../enterpriseDisplay';

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

describe('labels and who may act', () => {
  it('translates IP kinds and proposal statuses, unknown as sent', () => {
    expect(ipKindLabel('PATENT')).toBe('专利');
    expect(ipKindLabel('TRADEMARK')).toBe('商标');
    expect(ipKindLabel('DESIGN')).toBe('DESIGN');
    expect(proposalStatusLabel('APPROVED').label).toBe('已列入');
    expect(proposalStatusLabel('toString').label).toBe('toString');
  });

  it('matches the API: manager and banks edit, manager proposes, IP bureau decides', () => {
    expect(mayEditEnterprises('LENDING_BANK')).toBe(true);
    expect(mayEditEnterprises('GUARANTOR')).toBe(false);
    expect(mayProposeBlacklist('FUND_MANAGER')).toBe(true);
    expect(mayProposeBlacklist('IP_BUREAU')).toBe(false);
    expect(mayDecideBlacklist('IP_BUREAU')).toBe(true);
    expect(mayDecideBlacklist('FUND_MANAGER')).toBe(false);
    expect(maySeeBlacklistProposals('AUDITOR')).toBe(true);
    expect(maySeeBlacklistProposals('LENDING_BANK')).toBe(false);
  });
});
