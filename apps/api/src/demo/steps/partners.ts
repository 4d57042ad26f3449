import { toIsoDate } from '@ipfund/policy';
import { EnterpriseEntity } from '../../modules/enterprise/enterprise.entity';
import { OrganizationEntity } from '../../modules/org/org.entity';
import { DEMO_ENTERPRISES, DEMO_ORGS } from '../demo-data';
import type { DemoStep } from '../steps';

/** The demo banks' cooperation agreements (Art 8, 11, 14), in force since the measures (Art 26). */
export const DEMO_AGREEMENTS = [
  { bank: 'bank-a', fundRateLowTier: '0.30', fundRateHighTier: '0.20', guarantorRate: '0.40' },
  { bank: 'bank-b', fundRateLowTier: '0.25', fundRateHighTier: '0.20', guarantorRate: '0.45' },
  { bank: 'bank-c', fundRateLowTier: '0.30', fundRateHighTier: '0.20', guarantorRate: '0.40' },
] as const;

export const DEMO_AGREEMENTS_EFFECTIVE_FROM = toIsoDate('2024-04-07');

/** The enterprise the demo leaves a blacklist proposal for, waiting for the IP bureau (Art 21). */
export const DEMO_BLACKLIST_CANDIDATE = DEMO_ENTERPRISES[2].name;

/**
 * Partners: the IP bureau records each bank's cooperation agreement (Art 8); the fund manager
 * proposes to blacklist an enterprise that refuses to repay, left PENDING for the IP bureau.
 * Acts through the real use cases, so the data obeys the same rules and is on the activity record.
 */
export const partnersDemoStep: DemoStep = async ({ services, ds, actor }) => {
  const ipb = await actor('ipb');
  for (const a of DEMO_AGREEMENTS) {
    const name = DEMO_ORGS.find((o) => o.key === a.bank)!.name;
    const bank = await ds.getRepository(OrganizationEntity).findOneByOrFail({ name });
    await services.agreements.record(ipb, {
      bankId: bank.id,
      effectiveFrom: DEMO_AGREEMENTS_EFFECTIVE_FROM,
      fundRateLowTier: a.fundRateLowTier,
      fundRateHighTier: a.fundRateHighTier,
      guarantorRate: a.guarantorRate,
    });
  }

  const manager = await actor('manager');
  const enterprise = await ds
    .getRepository(EnterpriseEntity)
    .findOneByOrFail({ name: DEMO_BLACKLIST_CANDIDATE });
  await services.blacklist.propose(
    manager,
    enterprise.id,
    '贷款逾期超过60天，经贷后核查企业经营正常、具备还款能力，仍拒不按期还款（第二十一条）',
  );
};
