import {
  expectEverySubsetAnswersAsAll,
  expectLeanCursorsPageOn,
  schemaFieldNames,
  fieldSubsetsSuite,
} from '../../../testing/field-subsets';
import { CLAIM_FIELD_PROPERTIES, claimPageProperties } from '../claim-list';
import { ClaimSortField } from '../claim-list.types';

/**
 * The claim list reads only the columns the response's fields need (issue 10), as the loan list does
 * (loan-columns.test.ts). Whatever subset of a claim's fields a caller asks for, through aliases and
 * fragments, each value equals the one the all-fields query gives; a page of amounts reads neither
 * stored computation; a field the list does not know makes it read every column.
 */
const COMPUTATION =
  '{ asOf lossBase fundShareBeforeCaps fundShareAfterLoanCap fundShare guarantorShare bankShare tier fundRate ' +
  'tierCapRate guarantorRate limitedBy enterpriseYearCompensatedSoFar enterpriseYearCapReduction reasons { article code } }';

/** Every field of `Claim`, with the sub-selection a query needs for it. */
const SELECTIONS: Record<string, string> = {
  id: 'id',
  status: 'status',
  threeParty: 'threeParty',
  filedOn: 'filedOn',
  overdueDaysAtFiling: 'overdueDaysAtFiling',
  outstandingPrincipal: 'outstandingPrincipal',
  lossBase: 'lossBase',
  fundShare: 'fundShare',
  guarantorShare: 'guarantorShare',
  bankShare: 'bankShare',
  limitedBy: 'limitedBy',
  filing: `filing ${COMPUTATION}`,
  final: `final ${COMPUTATION}`,
  approvedOn: 'approvedOn',
  paidOn: 'paidOn',
  payoutTransactionId: 'payoutTransactionId',
  loan: 'loan { id contractNo bankName enterpriseName guarantorName principal }',
  approvals: 'approvals { decision comment organization { kind } }',
  history: 'history { action fromStatus toStatus comment businessDate }',
  documents: 'documents { kind fileName sizeBytes }',
  recoveries: 'recoveries { amount receivedOn remittanceStatus }',
  allowedActions: 'allowedActions',
  viewerCan: 'viewerCan',
  documentChecklist: 'documentChecklist { kind required present }',
};
const FIELDS = Object.keys(SELECTIONS);

describe('claimPageProperties', () => {
  it('knows every field of the schema’s Claim, and the test asks for each of them', () => {
    const schemaFields = schemaFieldNames('Claim');
    expect(
      Object.keys(CLAIM_FIELD_PROPERTIES)
        .filter((f) => f !== '__typename')
        .sort(),
    ).toEqual(schemaFields);
    expect([...FIELDS].sort()).toEqual(schemaFields);
  });

  it('reads the id, the sequence and the sort property beside what the fields need', () => {
    expect([...claimPageProperties(new Set(['status']), ClaimSortField.LOSS_BASE)!].sort()).toEqual(
      ['id', 'lossBase', 'seq', 'status'].sort(),
    );
    // The effective split needs the final share to tell whether the claim is approved.
    expect([...claimPageProperties(new Set(['bankShare']), ClaimSortField.SUBMITTED)!].sort()).toEqual(
      ['bankShare', 'finalBankShare', 'finalFundShare', 'id', 'seq'].sort(),
    );
  });

  it('reads every column for an unknown field, or when the selection could not be read', () => {
    expect(claimPageProperties(new Set(['id', 'aFieldAddedLater']), ClaimSortField.SUBMITTED)).toBeNull();
    expect(claimPageProperties(null, ClaimSortField.SUBMITTED)).toBeNull();
  });
});

describe('the claim list with a subset of the fields', () => {
  const suite = fieldSubsetsSuite({
    root: 'claims',
    orderBy: '{ field: LOSS_BASE, direction: ASC }',
    type: 'Claim',
    selections: SELECTIONS,
    users: ['manager', 'bank-a', 'guarantor-a', 'ipb'],
  });
  const { tokens, full, subsets } = suite;
  type Nodes = { claims: { totalCount: number; edges: { cursor: string; node: Record<string, unknown> }[] } };

  beforeAll(() => {
    // The demo has approved and paid claims, so the final split and the final computation are tried.
    expect(full.manager.some((c) => c.final !== null && c.paidOn !== null)).toBe(true);
    expect(full.manager.some((c) => c.final === null)).toBe(true);
  });

  it('answers every subset as the all-fields query does, through aliases and fragments', async () => {
    await expectEverySubsetAnswersAsAll(subsets(), tokens, full);
  });

  it('reads a page of amounts without the stored computations', async () => {
    const query = `{ claims(first: 10) { totalCount edges { node { id status fundShare } } } }`;
    await suite.app.gql(query, {}, tokens.manager);
    const { result, statements } = await suite.app.queries.measure(() =>
      suite.app.gql<Nodes>(query, {}, tokens.manager),
    );
    expect(result.errors).toBeUndefined();
    const page = statements.filter((s) => /FROM claims c/.test(s));
    expect(page).toHaveLength(1);
    expect(page[0]).toMatch(
      /^SELECT c\.id, c\.seq, c\.status, c\.fund_share, c\.final_fund_share, \(SELECT count/,
    );
  });

  it('gives each claim’s loan its contract, its parties’ names and its amounts as the database has them', async () => {
    const truth = (await suite.app.ds.query(
      `SELECT c.id AS "claimId", l.id, l.contract_no AS "contractNo", b.name AS "bankName",
              e.name AS "enterpriseName", g.name AS "guarantorName", l.principal,
              l.ip_pledged_principal AS "ipPledgedPrincipal"
         FROM claims c JOIN loans l ON l.id = c.loan_id JOIN organizations b ON b.id = l.bank_id
         JOIN enterprises e ON e.id = l.enterprise_id LEFT JOIN organizations g ON g.id = l.guarantor_id`,
    )) as { claimId: string; guarantorName: string | null }[];
    const byClaim = new Map(truth.map(({ claimId, ...loan }) => [claimId, loan]));
    for (const user of ['manager', 'bank-a']) {
      const res = await suite.app.gql<Nodes>(
        `{ claims(first: 50) { edges { node { id loan { id contractNo bankName enterpriseName guarantorName principal ipPledgedPrincipal } } } } }`,
        {},
        tokens[user],
      );
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.claims.edges.map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect([user, node.loan]).toEqual([user, byClaim.get(node.id as string)]);
    }
    // Two- and three-party loans are both among them.
    expect(truth.some((l) => l.guarantorName === null)).toBe(true);
    expect(truth.some((l) => l.guarantorName !== null)).toBe(true);
  });

  it('gives each claim its steps, with who took them, as the database has them', async () => {
    const truth = (await suite.app.ds.query(
      `SELECT e.claim_id AS "claimId", e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
              e.comment, e.business_date::text AS "businessDate", e.occurred_at AS "occurredAt",
              u.display_name AS "userDisplayName", o.id AS "orgId", o.name AS "orgName", o.kind AS "orgKind"
         FROM claim_events e JOIN users u ON u.id = e.user_id JOIN organizations o ON o.id = e.organization_id
        ORDER BY e.id`,
    )) as { claimId: string; occurredAt: Date; orgId: string; orgName: string; orgKind: string }[];
    const stepsOf = (claimId: string) =>
      truth
        .filter((t) => t.claimId === claimId)
        .map(({ claimId: _claim, occurredAt, orgId, orgName, orgKind, ...step }) => ({
          ...step,
          occurredAt: occurredAt.toISOString(),
          organization: { id: orgId, name: orgName, kind: orgKind },
        }));
    for (const user of ['manager', 'bank-a']) {
      const res = await suite.app.gql<Nodes>(
        `{ claims(first: 50) { edges { node { id history { action fromStatus toStatus comment businessDate occurredAt
           userDisplayName organization { id name kind } } } } } }`,
        {},
        tokens[user],
      );
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.claims.edges.map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect([user, node.history]).toEqual([user, stepsOf(node.id as string)]);
    }
    // Claims with several steps (filed, confirmed, verified, co-signed, paid) are among them.
    expect(Math.max(...truth.map((t) => stepsOf(t.claimId).length))).toBeGreaterThan(3);
  });

  it('pages on with the cursor of a lean page as with a full one', async () => {
    await expectLeanCursorsPageOn(subsets(), tokens.manager, full.manager, 'id status filing { fundShare }');
  });
});
