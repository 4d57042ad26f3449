import { hashPassword } from '../../../auth/password';
import { DEMO_ORGS, DEMO_PASSWORD } from '../../../demo/demo-data';
import type { TestApp } from '../../../testing/test-app';

/**
 * The demo cast's organisations and logins (ipb, finance, fo, manager, bank-a … with DEMO_PASSWORD),
 * without the demo's loans, claims and ledger: those are built for the Jiangbei measures, and these
 * suites must run under any district. The claim fixtures (`makeLoan`, `ClaimDriver`) then work as usual.
 */
export async function seedParties(app: TestApp): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const o of DEMO_ORGS) {
    const [org] = (await app.ds.query(
      `INSERT INTO organizations (kind, name, short_name, licence_no) VALUES ($1, $2, $3, $4) RETURNING id`,
      [o.kind, o.name, o.shortName, o.licenceNo ?? null],
    )) as { id: string }[];
    for (const u of o.users) {
      await app.ds.query(
        `INSERT INTO users (organization_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4)`,
        [org.id, u.username, u.displayName, passwordHash],
      );
    }
  }
}

/** Every field of the `policy` query. */
export const POLICY_QUERY = `query {
  policy {
    id name sourceDocument effectiveFrom
    initialCapital { value article note }
    tierThreshold { value article note }
    lowTierCapRate { value article note }
    highTierCapRate { value article note }
    perLoanCap { value article note }
    perEnterpriseYearCap { value article note }
    riskOverdueDays { value article note }
    claimOverdueDays { value article note }
    warningRatio { value article note }
    suspensionRatio { value article note }
    minGuarantorRate { value article note }
    circuitBreakerCumulative { value article note }
    remittanceDays { value article note }
    allowedLoanPurposes { value article note }
    allowedCollateralKinds { value article note }
    coSigningOffices { value article note }
    resumptionVoters { value article note }
    provisions { key article note }
  }
}`;

export interface PolicyView {
  id: string;
  name: string;
  sourceDocument: string;
  effectiveFrom: string;
  provisions: { key: string; article: string; note: string | null }[];
  [param: string]: unknown;
}
