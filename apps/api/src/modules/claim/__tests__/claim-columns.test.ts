import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { CLAIM_FIELD_PROPERTIES, claimPageProperties } from '../claim-list';
import { ClaimSortField } from '../claim-list.types';

/**
 * The claim list reads only the columns the response's fields need (issue 10), as the loan list does
 * (loan-columns.test.ts). Whatever subset of a claim's fields a caller asks for, through aliases and
 * fragments, each value equals the one the all-fields query gives; a page of amounts reads neither
 * stored computation; a field the list does not know makes it read every column.
 */
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../schema.graphql'), 'utf8'));

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
    const claim = schema.getType('Claim');
    if (!isObjectType(claim)) throw new Error('no Claim type');
    const schemaFields = Object.keys(claim.getFields()).sort();
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
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const USERS = ['manager', 'bank-a', 'guarantor-a', 'ipb'];
  const full: Record<string, Record<string, unknown>[]> = {};
  const ORDER = '{ field: LOSS_BASE, direction: ASC }';

  type Nodes = { claims: { totalCount: number; edges: { cursor: string; node: Record<string, unknown> }[] } };

  beforeAll(async () => {
    app = await createTestApp();
    for (const user of USERS) {
      tokens[user] = await app.login(user);
      const res = await app.gql<Nodes>(
        `{ claims(first: 30, orderBy: ${ORDER}) { edges { node { ${FIELDS.map((f) => SELECTIONS[f]).join(' ')} } } } }`,
        {},
        tokens[user],
      );
      expect(res.errors).toBeUndefined();
      full[user] = res.data!.claims.edges.map((e) => e.node);
      expect(full[user].length).toBeGreaterThan(0);
    }
    // The demo has approved and paid claims, so the final split and the final computation are tried.
    expect(full.manager.some((c) => c.final !== null && c.paidOn !== null)).toBe(true);
    expect(full.manager.some((c) => c.final === null)).toBe(true);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers every subset as the all-fields query does, through aliases and fragments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...USERS),
        fc.subarray(FIELDS, { minLength: 1 }),
        fc.boolean(),
        async (user, fields, asFragment) => {
          // Aliased as x_<field>, so the list must read field names, not response keys.
          const selection = fields.map((f) => `x_${f}: ${SELECTIONS[f]}`).join(' ');
          const query = asFragment
            ? `query { claims(first: 30, orderBy: ${ORDER}) { edges { node { ...F } } } } fragment F on Claim { ${selection} }`
            : `{ claims(first: 30, orderBy: ${ORDER}) { edges { node { ... on Claim { ${selection} } } } } }`;
          const res = await app.gql<Nodes>(query, {}, tokens[user]);
          expect(res.errors).toBeUndefined();
          const got = res.data!.claims.edges.map((e) => e.node);
          const want = full[user].map((node) => Object.fromEntries(fields.map((f) => [`x_${f}`, node[f]])));
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
  });

  it('reads a page of amounts without the stored computations', async () => {
    const query = `{ claims(first: 10) { totalCount edges { node { id status fundShare } } } }`;
    await app.gql(query, {}, tokens.manager);
    const { result, statements } = await app.queries.measure(() => app.gql<Nodes>(query, {}, tokens.manager));
    expect(result.errors).toBeUndefined();
    const page = statements.filter((s) => /FROM claims c/.test(s));
    expect(page).toHaveLength(1);
    expect(page[0]).toMatch(
      /^SELECT c\.id, c\.seq, c\.status, c\.fund_share, c\.final_fund_share, \(SELECT count/,
    );
  });

  it('pages on with the cursor of a lean page as with a full one', async () => {
    const lean = await app.gql<Nodes>(
      `{ claims(first: 3, orderBy: ${ORDER}) { edges { cursor node { id } } } }`,
      {},
      tokens.manager,
    );
    const rich = await app.gql<Nodes>(
      `{ claims(first: 3, orderBy: ${ORDER}) { edges { cursor node { id status filing { fundShare } } } } }`,
      {},
      tokens.manager,
    );
    expect(lean.data!.claims.edges.map((e) => e.cursor)).toEqual(
      rich.data!.claims.edges.map((e) => e.cursor),
    );
    const after = lean.data!.claims.edges.at(-1)!.cursor;
    const next = await app.gql<Nodes>(
      `query($after: String) { claims(first: 3, after: $after, orderBy: ${ORDER}) { edges { node { id } } } }`,
      { after },
      tokens.manager,
    );
    expect(next.data!.claims.edges.map((e) => e.node.id)).toEqual(full.manager.slice(3, 6).map((n) => n.id));
  });
});
