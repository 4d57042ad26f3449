import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { createTestApp, type TestApp } from '../testing/test-app';
import {
  CLAIM_FIELDS,
  ClaimDriver,
  attachRequiredDocuments,
  makeLoan,
} from '../modules/claim/__tests__/fixtures';

/**
 * Statement counts for EVERY query of the schema, and for the claim lifecycle's mutations (issue 10):
 * each query is generated from apps/api/schema.graphql (the object's own scalar fields; a
 * connection's totalCount and a page of 5 nodes), run once to warm the login cache, then measured.
 * The numbers are a snapshot: an N+1, an extra round trip or a second transaction changes one and
 * fails the build until it is looked at (and the snapshot updated with `jest -u` if it is right).
 * A new query is measured automatically — it appears in the snapshot diff.
 */
let app: TestApp;
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SET TRANSACTION)\b/i;
/** Who asks: the first of these whose answer has no error (the readers differ per query). */
const CALLERS = ['manager', 'ipb', 'finance', 'fo', 'auditor', 'bank-a', 'guarantor-a', 'ent-1'];
const tokens: Record<string, string> = {};
/** Values for required arguments, by "field.argument" (ids are looked up in the demo data). */
let ARGS: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  for (const u of CALLERS) tokens[u] = await app.login(u);
  const one = async (sql: string) => ((await app.ds.query(sql)) as { v: string }[])[0]?.v ?? '';
  const bankId = await one(
    `SELECT o.id::text AS v FROM organizations o JOIN users u ON u.organization_id = o.id WHERE u.username = 'bank-a'`,
  );
  const enterpriseId = await one(
    `SELECT e.id::text AS v FROM enterprises e JOIN loans l ON l.enterprise_id = e.id ORDER BY l.seq LIMIT 1`,
  );
  const patentId = await one(
    `SELECT id::text AS v FROM ip_assets WHERE enterprise_id = '${enterpriseId}' ORDER BY id LIMIT 1`,
  );
  ARGS = {
    'claim.id': `"${await one(`SELECT id::text AS v FROM claims ORDER BY seq LIMIT 1`)}"`,
    'claimDocument.id': `"${await one(`SELECT id::text AS v FROM claim_documents ORDER BY uploaded_at, id LIMIT 1`)}"`,
    'enterprise.id': `"${enterpriseId}"`,
    'enterpriseByCreditCode.creditCode': `"${await one(`SELECT credit_code AS v FROM enterprises WHERE id = '${enterpriseId}'`)}"`,
    'evaluationRound.period': '"2026-H1"',
    'financialStatementCollection.quarter': '"2026-Q3"',
    'financialStatementReminders.quarter': '"2026-Q3"',
    'fundForecast.input': '{ horizonMonths: 12, paths: 20, seed: 7 }',
    'fundReport.period': '"2026-Q3"',
    'ledgerTransaction.id': `"${await one(`SELECT id::text AS v FROM ledger_transactions ORDER BY seq LIMIT 1`)}"`,
    'loan.id': `"${await one(`SELECT id::text AS v FROM loans ORDER BY seq LIMIT 1`)}"`,
    'loanTapeTemplate.format': 'XLSX',
    'organizationUsers.organizationId': `"${bankId}"`,
    'partner.id': `"${bankId}"`,
    'previewLoanCoverage.input': `{ enterpriseId: "${enterpriseId}", collateralIds: ["${patentId}"], principal: "1000000.00",
      ipPledgedPrincipal: "1000000.00", issuedOn: "2026-11-01", purpose: RND }`,
  };
}, 300_000);
afterAll(() => app.close());

/** The scalar fields of an object that take no required argument. */
function scalars(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name)
    .join(' ');
}

/** The query for one root field: its arguments from ARGS, its object's scalars, a page of 5 if a connection. */
function queryFor(field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .map((a) => {
      const given = ARGS[`${field.name}.${a.name}`];
      if (given) return `${a.name}: ${given}`;
      if (a.name === 'first') return 'first: 5';
      if (isNonNullType(a.type)) throw new Error(`no value for required ${field.name}(${a.name})`);
      return null;
    })
    .filter(Boolean);
  const named = getNamedType(field.type);
  let selection = '';
  if (isObjectType(named)) {
    const fields = named.getFields();
    const edges = fields.edges && getNamedType(fields.edges.type);
    const node = edges && isObjectType(edges) ? getNamedType(edges.getFields().node.type) : null;
    selection =
      node && isObjectType(node)
        ? `{ ${fields.totalCount ? 'totalCount ' : ''}edges { cursor node { ${scalars(node) || '__typename'} } } }`
        : `{ ${scalars(named) || '__typename'} }`;
  }
  return `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`;
}

interface Count {
  caller: string;
  statements: number;
  transactions: number;
}

async function measure(query: string, token: string) {
  const warm = await app.gql(query, {}, token);
  if (warm.errors?.length) return null;
  const { result, everything } = await app.queries.measure(() => app.gql(query, {}, token));
  if (result.errors?.length) return null;
  return {
    statements: everything.filter((s) => !TRANSACTION_CONTROL.test(s)).length,
    transactions: everything.filter((s) => /^\s*(BEGIN|START TRANSACTION)\b/i.test(s)).length,
  };
}

describe('every query: one transaction, and the statement count of the snapshot', () => {
  it('measures each root query field of the schema', async () => {
    const counts: Record<string, Count | string> = {};
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const query = queryFor(field);
      let found: Count | null = null;
      for (const caller of CALLERS) {
        const m = await measure(query, tokens[caller]);
        if (m) {
          found = { caller, ...m };
          break;
        }
      }
      counts[field.name] = found ?? 'no caller answered without an error';
    }
    // Every query answers someone, in at most one transaction.
    const unanswered = Object.entries(counts).filter(([, c]) => typeof c === 'string');
    expect(unanswered).toEqual([]);
    for (const [name, c] of Object.entries(counts)) {
      expect([name, (c as Count).transactions <= 1]).toEqual([name, true]);
    }
    expect(counts).toMatchSnapshot();
  }, 600_000);
});

describe('the claim lifecycle: statements per mutation', () => {
  it('files, verifies, co-signs three times and pays with the snapshot’s statement counts', async () => {
    const d = new ClaimDriver(app);
    for (const u of ['bank-a', 'manager', 'ipb', 'finance', 'fo']) await d.token(u);
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '200000.00',
      outstanding: '200000.00',
      overdueDays: 75,
    });
    const counted = async (work: () => Promise<unknown>) => {
      const { everything } = await app.queries.measure(work);
      return everything.filter((s) => !TRANSACTION_CONTROL.test(s)).length;
    };
    let claimId = '';
    const counts: Record<string, number> = {};
    counts.submitClaim = await counted(async () => {
      claimId = (await d.submit('bank-a', loan.id)).id;
    });
    await attachRequiredDocuments(app, claimId);
    counts.verifyClaim = await counted(() =>
      d.ok('manager', `mutation($c: ID!) { verifyClaim(claimId: $c) { ${CLAIM_FIELDS} } }`, { c: claimId }),
    );
    counts['approveClaim (first office)'] = await counted(() => d.approve('ipb', claimId));
    counts['approveClaim (second office)'] = await counted(() => d.approve('finance', claimId));
    counts['approveClaim (final approval)'] = await counted(() => d.approve('fo', claimId));
    counts.payClaim = await counted(() => d.pay(claimId));
    expect(counts).toMatchSnapshot();
  }, 300_000);
});
