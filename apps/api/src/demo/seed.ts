import type { DataSource, EntityManager } from 'typeorm';
import type { Services } from '../services';
import type { PolicyBook } from '../common/policy-book';
import {
  JIANGBEI_2024,
  Money,
  Rate,
  addDays,
  compareDates,
  loanCoverage,
  type IsoDate,
  type LoanPurpose,
} from '@ipfund/policy';
import { hashPassword } from '../auth/password';
import { inTransaction } from '../db/transaction';
import { OrganizationEntity } from '../modules/org/org.entity';
import { UserEntity } from '../modules/org/user.entity';
import { EnterpriseEntity, IpAssetEntity } from '../modules/enterprise/enterprise.entity';
import { LoanEntity } from '../modules/loan/loan.entity';
import { DEMO_ENTERPRISES, DEMO_ORGS, DEMO_PASSWORD } from './demo-data';
import { DEMO_STEPS, type DemoContext } from './steps';
import { pick, prng } from './prng';

export interface DemoSeedResult {
  created: boolean;
  logins: { username: string; organization: string }[];
}

const ALLOWED_PURPOSES = JIANGBEI_2024.allowedLoanPurposes.value;

/**
 * Days late at the business date, by loan number (0-based; loan i goes to bank i % 3), R3.
 * - Seven bank C loans are ≥ 60 days overdue: claimable (Art 17), one per enterprise, so the claims
 *   demo step (demo/steps/claims.ts) can stop a claim at every status. Bank C's risk ratio is
 *   therefore over 8 % (Art 12), and the risk demo step proposes its suspension.
 * - Bank A and bank B have loans a few days late only (< 15 days: below the warning level); the risk
 *   demo step (demo/steps/risk.ts) reports a bank A loan 20 days late, putting bank A in warning.
 *   Moving the business date forward a few days shows more loans crossing 15 days.
 */
const LATE_BY: Readonly<Record<number, number>> = {
  // ≥ 60 days: claimable (Art 17); the claims demo files one claim on each.
  2: 75, // bank C (the enterprise the partners step proposes to blacklist, Art 21)
  5: 62, // bank C
  8: 70, // bank C
  11: 85, // bank C
  9: 66, // bank A
  13: 64, // bank B
  22: 95, // bank B
  // A few days late: not yet in any ratio (Art 12 counts 15+ days).
  3: 5, // bank A
  6: 3, // bank A
  24: 10, // bank A
  10: 5, // bank B
  31: 12, // bank B
  17: 30, // bank C, the equity-investment loan: not covered, so in no ratio
};
/** The claimable loans are small ones, so the banks' risk ratios stay plausible (Art 12). */
const CLAIMABLE_PRINCIPAL = '500000.00';
const PRINCIPALS = [
  '1000000.00',
  '1500000.00',
  '2000000.00',
  '3000000.00',
  '4000000.00',
  '5000000.00',
  '8000000.00',
];

/**
 * Demo data: the offices, the manager, three banks, two guarantors, an auditor, eight enterprises
 * with their patents and trademarks, and 45 loans around the business date. Idempotent: a database
 * that already has the demo manager is left untouched. Called in demo mode only.
 */
export async function seedDemo(
  services: Services,
  ds: DataSource,
  businessDate: string,
): Promise<DemoSeedResult> {
  const logins = [
    ...DEMO_ORGS.flatMap((o) => o.users.map((u) => ({ username: u.username, organization: o.name }))),
    ...DEMO_ENTERPRISES.map((e, i) => ({ username: `ent-${i + 1}`, organization: e.name })),
  ];
  const exists = await ds.getRepository(UserEntity).exists({ where: { username: 'manager' } });
  if (exists) return { created: false, logins };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = businessDate as IsoDate;
  await inTransaction(ds, (em) => writeParties(em, today, passwordHash, services.policies));
  // Later areas (agreements, risk, claims, ledger ...) add their steps to DEMO_STEPS.
  const ctx: DemoContext = { services, ds, today, actor: (username) => services.auth.actorFor(username) };
  for (const step of DEMO_STEPS) await step(ctx);
  return { created: true, logins };
}

async function writeParties(
  em: EntityManager,
  today: IsoDate,
  passwordHash: string,
  policies: PolicyBook,
): Promise<void> {
  const rand = prng(20240407);
  const orgs = new Map<string, OrganizationEntity>();
  for (const o of DEMO_ORGS) {
    const org = await em.save(
      em.create(OrganizationEntity, {
        kind: o.kind,
        name: o.name,
        shortName: o.shortName,
        licenceNo: o.licenceNo ?? null,
      }),
    );
    orgs.set(o.key, org);
    for (const u of o.users) {
      await em.save(em.create(UserEntity, { organizationId: org.id, ...u, passwordHash }));
    }
  }

  const enterprises: { entity: EnterpriseEntity; assets: IpAssetEntity[] }[] = [];
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    const org = await em.save(
      em.create(OrganizationEntity, { kind: 'ENTERPRISE', name: e.name, shortName: e.trademark }),
    );
    await em.save(
      em.create(UserEntity, {
        organizationId: org.id,
        username: `ent-${i + 1}`,
        displayName: `${e.trademark}财务`,
        passwordHash,
      }),
    );
    const entity = await em.save(
      em.create(EnterpriseEntity, {
        organizationId: org.id,
        name: e.name,
        creditCode: e.creditCode,
        district: '江北区',
        industry: e.industry,
      }),
    );
    const assets: IpAssetEntity[] = [];
    for (const [j, title] of e.patents.entries()) {
      assets.push(
        await em.save(
          em.create(IpAssetEntity, {
            enterpriseId: entity.id,
            kind: 'PATENT',
            registrationNo: `ZL20${21 + j}1${String(i + 1).padStart(4, '0')}${j}.${(i + j) % 10}`,
            title,
          }),
        ),
      );
    }
    assets.push(
      await em.save(
        em.create(IpAssetEntity, {
          enterpriseId: entity.id,
          kind: 'TRADEMARK',
          registrationNo: `${5800000 + i * 137}`,
          title: `“${e.trademark}”注册商标`,
        }),
      ),
    );
    enterprises.push({ entity, assets });
  }

  const banks = ['bank-a', 'bank-b', 'bank-c'].map((k) => orgs.get(k)!);
  const guarantors = ['guarantor-a', 'guarantor-b'].map((k) => orgs.get(k)!);
  for (let i = 0; i < 45; i++) {
    const bank = banks[i % banks.length];
    const { entity: enterprise, assets } = enterprises[(i * 5) % enterprises.length];
    // Two in three loans are three-party (Art 11, 14).
    const guarantor = i % 3 === 0 ? null : guarantors[i % 2];
    const drawnPrincipal = pick(rand, PRINCIPALS);
    const principal = (LATE_BY[i] ?? 0) >= 60 ? CLAIMABLE_PRINCIPAL : drawnPrincipal;
    // Every fifth loan is a combination loan: 60 % of it is secured by IP.
    const ipPledged = i % 5 === 4 ? Money.of(principal).times(Rate.of('0.60')).toString() : principal;
    const drawn = addDays(today, -(60 + Math.floor(rand() * 600)));
    // Never before the measures took effect (Art 26), whatever business date the demo is built for.
    const issuedOn =
      compareDates(drawn, JIANGBEI_2024.effectiveFrom) < 0 ? JIANGBEI_2024.effectiveFrom : drawn;
    const term = pick(rand, [365, 730, 1095]);
    const closed = i % 13 === 12;
    // A loan still on the book has not reached maturity yet (its unpaid instalments fall before it).
    const maturesOn =
      closed || compareDates(addDays(issuedOn, term), addDays(today, 60)) > 0
        ? addDays(issuedOn, term)
        : addDays(issuedOn, term + 730);
    const outstanding = closed
      ? '0.00'
      : Money.of(principal)
          .times(Rate.of(pick(rand, ['0.40', '0.60', '0.80', '1'])))
          .toString();
    // A spread of repayment situations (R3): current, a few days late, 60+ days late (claimable).
    const lateBy = closed ? null : (LATE_BY[i] ?? null);
    const earliestUnpaidDueDate =
      lateBy === null ? (closed ? null : addDays(today, 10 + (i % 20))) : addDays(today, -lateBy);
    // One loan is for equity investment and one has no IP collateral: recorded, but not covered.
    const purpose: LoanPurpose =
      i === 17 ? 'EQUITY_INVESTMENT' : ALLOWED_PURPOSES[i % ALLOWED_PURPOSES.length];
    const collateral = i === 23 ? [] : assets.slice(0, 1 + (i % 2));
    const coverage = loanCoverage(
      {
        principal: Money.of(principal),
        ipPledgedPrincipal: Money.of(ipPledged),
        collateral: collateral.map((a) => ({ kind: a.kind, pledgedByBorrower: true })),
        purpose,
        issuedOn,
        bankIsPartner: true,
        bankSuspensions: [],
      },
      policies.inForce(issuedOn),
    );
    const loan = em.create(LoanEntity, {
      contractNo: `${bank.shortName === '重庆银行' ? 'CQB' : bank.shortName === '工商银行' ? 'ICBC' : 'CRCB'}-ZY-${issuedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
      bankId: bank.id,
      guarantorId: guarantor?.id ?? null,
      enterpriseId: enterprise.id,
      principal,
      ipPledgedPrincipal: ipPledged,
      outstandingPrincipal: outstanding,
      issuedOn,
      maturesOn,
      purpose,
      earliestUnpaidDueDate,
      status: closed ? 'CLOSED' : 'ACTIVE',
      statusAsOf: today,
      covered: coverage.covered,
      coverageReasons: coverage.reasons.map((r) => ({
        article: r.article,
        code: r.code,
        message: r.message,
      })),
      collateral,
    });
    await em.save(loan);
    // The status history starts with the loan as taken over (Art 12, 16).
    await em.query(
      `INSERT INTO loan_status_reports (loan_id, as_of, outstanding_principal, earliest_unpaid_due_date, closed,
         source, reported_by, organization_id, business_date)
       SELECT $1, $2, $3, $4, $5, 'REGISTRATION', u.id, u.organization_id, $2
       FROM users u WHERE u.organization_id = $6 ORDER BY u.created_at LIMIT 1`,
      [loan.id, today, outstanding, earliestUnpaidDueDate, closed, bank.id],
    );
  }
}
