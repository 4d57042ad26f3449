import { JIANGBEI_2024 } from '@ipfund/policy';
import { ORG_KINDS } from '@ipfund/shared';
import { abilityFor, defineAbilityFor } from '../ability';

/**
 * abilityFor (issue 10) keeps one ability per organisation and measures. It must answer exactly as a
 * freshly built one, never hand one organisation's ability to another, and stay bounded.
 */
const org = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('abilityFor', () => {
  it('gives the rules a fresh ability has, for every kind', () => {
    for (const orgKind of ORG_KINDS) {
      const actor = { orgId: org(1), orgKind };
      expect(abilityFor(actor, JIANGBEI_2024).rules).toEqual(defineAbilityFor(actor, JIANGBEI_2024).rules);
    }
  });

  it('builds once per organisation and measures, and never shares across organisations or kinds', () => {
    const bank = abilityFor({ orgId: org(2), orgKind: 'LENDING_BANK' }, JIANGBEI_2024);
    expect(abilityFor({ orgId: org(2), orgKind: 'LENDING_BANK' }, JIANGBEI_2024)).toBe(bank);
    const other = abilityFor({ orgId: org(3), orgKind: 'LENDING_BANK' }, JIANGBEI_2024);
    expect(other).not.toBe(bank);
    // Each ability's conditions name its own organisation only.
    expect(JSON.stringify(other.rules)).toContain(org(3));
    expect(JSON.stringify(other.rules)).not.toContain(org(2));
    expect(abilityFor({ orgId: org(2), orgKind: 'GUARANTOR' }, JIANGBEI_2024)).not.toBe(bank);
    // Other measures (another version object) get their own.
    expect(abilityFor({ orgId: org(2), orgKind: 'LENDING_BANK' }, { ...JIANGBEI_2024 })).not.toBe(bank);
  });

  it('keeps at most a thousand per measures, dropping the oldest', () => {
    const policy = { ...JIANGBEI_2024 };
    const first = abilityFor({ orgId: org(10_000), orgKind: 'ENTERPRISE' }, policy);
    for (let i = 1; i <= 1000; i++) abilityFor({ orgId: org(10_000 + i), orgKind: 'ENTERPRISE' }, policy);
    // The first was dropped: asked again, it is built anew (equal rules, another object).
    const again = abilityFor({ orgId: org(10_000), orgKind: 'ENTERPRISE' }, policy);
    expect(again).not.toBe(first);
    expect(again.rules).toEqual(first.rules);
    // The most recent are still kept.
    const recent = abilityFor({ orgId: org(11_000), orgKind: 'ENTERPRISE' }, policy);
    expect(abilityFor({ orgId: org(11_000), orgKind: 'ENTERPRISE' }, policy)).toBe(recent);
  });
});
