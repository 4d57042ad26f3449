import { overdueThresholds, provisionArticle } from '../policy';

const days = (value: number, article: string) => ({ value, article, note: null });

describe('provisionArticle', () => {
  const policy = {
    provisions: [
      { key: 'blacklist', article: 'Art 21', note: null },
      { key: 'earlyWarning', article: 'Art 16', note: null },
    ],
  };

  it('gives the article of a provision the policy has', () => {
    expect(provisionArticle(policy, 'blacklist')).toBe('Art 21');
    expect(provisionArticle(policy, 'earlyWarning')).toBe('Art 16');
  });

  it('gives nothing for a provision the policy lacks, or before the policy arrives', () => {
    expect(provisionArticle(policy, 'partnerRetirement')).toBeUndefined();
    expect(provisionArticle({ provisions: [] }, 'blacklist')).toBeUndefined();
    expect(provisionArticle(undefined, 'blacklist')).toBeUndefined();
  });
});

describe('overdueThresholds', () => {
  it("reads the policy's risk and claim days", () => {
    expect(
      overdueThresholds({ riskOverdueDays: days(15, 'Art 12'), claimOverdueDays: days(60, 'Art 17') }),
    ).toEqual({ risk: 15, claim: 60 });
    expect(
      overdueThresholds({ riskOverdueDays: days(30, 'Art 9'), claimOverdueDays: days(90, 'Art 15') }),
    ).toEqual({ risk: 30, claim: 90 });
  });

  it('is undefined before the policy arrives', () => {
    expect(overdueThresholds(undefined)).toBeUndefined();
  });
});
