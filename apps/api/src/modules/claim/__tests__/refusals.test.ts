/**
 * Every refusal of the claim workflow, each with its typed code and the article that refused it,
 * and the visibility rules for claims (DOMAIN.md §2).
 */
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ClaimDriver, makeLoan } from './fixtures';

let app: TestApp;
let d: ClaimDriver;

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
});
afterAll(() => app.close());

const SUBMIT = 'mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { id status } }';
const APPROVE = 'mutation($c: ID!) { approveClaim(claimId: $c) { id status } }';
const VERIFY = 'mutation($c: ID!) { verifyClaim(claimId: $c) { id status } }';
const PAY = 'mutation($c: ID!, $k: String!) { payClaim(claimId: $c, idempotencyKey: $k) { id status } }';

async function verifiedClaim(bank = 'bank-a') {
  const loan = await makeLoan(app, {
    bank,
    principal: '1000000.00',
    outstanding: '1000000.00',
    overdueDays: 70,
  });
  const claim = await d.submit(bank, loan.id);
  await d.verify(claim.id);
  return claim;
}

describe('claim refusals, each with its article', () => {
  it('too few days overdue → POLICY_VIOLATION, Art 17', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '900000.00',
      overdueDays: 30,
    });
    const r = await d.try('bank-a', SUBMIT, { i: { loanId: loan.id, idempotencyKey: 'too-early-1' } });
    expect(r.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 17' });
  });

  it('an uncovered loan (equity investment) → POLICY_VIOLATION citing the coverage article', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 90,
      purpose: 'EQUITY_INVESTMENT',
    });
    expect(loan.covered).toBe(false);
    const r = await d.try('bank-a', SUBMIT, { i: { loanId: loan.id, idempotencyKey: 'uncovered-1' } });
    expect(r.error?.extensions?.code).toBe('POLICY_VIOLATION');
    expect(r.error?.extensions?.article).toBe('Art 13');
    expect(JSON.stringify(r.error?.extensions?.details)).toContain('PURPOSE_FORBIDDEN');
  });

  it('three-party: verification without the guarantor confirmation → POLICY_VIOLATION, Art 14', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-b',
      guarantor: 'guarantor-a',
      principal: '2000000.00',
      outstanding: '2000000.00',
      overdueDays: 70,
    });
    const claim = await d.submit('bank-b', loan.id);
    const r = await d.try('manager', VERIFY, { c: claim.id });
    expect(r.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 14' });
    // Another guarantor cannot even see it; the right one confirms, then verification passes.
    const other = await d.try(
      'guarantor-b',
      'mutation($c: ID!) { confirmGuarantorShare(claimId: $c) { id } }',
      { c: claim.id },
    );
    expect(other.error?.extensions?.code).toBe('NOT_FOUND');
    await d.confirm('guarantor-a', claim.id);
    expect((await d.verify(claim.id)).status).toBe('VERIFIED');
  });

  it('an office signing twice → CONFLICT, Art 17 (and the database holds one signature)', async () => {
    const claim = await verifiedClaim();
    await d.approve('ipb', claim.id);
    const twice = await d.try('ipb', APPROVE, { c: claim.id });
    expect(twice.error?.extensions).toMatchObject({ code: 'CONFLICT', article: 'Art 17' });
    const [{ n }] = await app.ds.query(
      `SELECT count(*)::int AS n FROM claim_events WHERE claim_id = $1 AND action = 'APPROVE'`,
      [claim.id],
    );
    expect(n).toBe(1);
  });

  it('a bank (or the manager, or the auditor) approving → FORBIDDEN', async () => {
    const claim = await verifiedClaim();
    for (const who of ['bank-a', 'manager', 'auditor']) {
      const r = await d.try(who, APPROVE, { c: claim.id });
      expect(r.error?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('payout before the third signature → CONFLICT, Art 17, and no money moves', async () => {
    const claim = await verifiedClaim();
    await d.approve('ipb', claim.id);
    await d.approve('finance', claim.id);
    const before = await app.ds.query(`SELECT count(*)::int AS n FROM ledger_transactions`);
    const r = await d.try('manager', PAY, { c: claim.id, k: 'pay-too-early-1' });
    expect(r.error?.extensions).toMatchObject({ code: 'CONFLICT', article: 'Art 17' });
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM ledger_transactions`)).toEqual(before);
  });

  it('a final approval while the fund is suspended → POLICY_VIOLATION, Art 19', async () => {
    const claim = await verifiedClaim();
    await d.approve('ipb', claim.id);
    await d.approve('finance', claim.id);
    // The breaker tripped earlier: 6,000,000.00 finally approved (Art 19).
    const [before] = await app.ds.query(`SELECT cumulative_compensation FROM fund_state`);
    // A suspension is an episode of its own (fund_suspensions), which fund_state points at.
    await app.ds.query(
      `WITH s AS (INSERT INTO fund_suspensions (suspended_on) VALUES ('2026-11-01') RETURNING id)
       UPDATE fund_state SET cumulative_compensation = cumulative_compensation + 6000000, suspended = true,
              suspended_since = '2026-11-01', suspension_id = s.id FROM s`,
    );
    try {
      const r = await d.try('fo', APPROVE, { c: claim.id });
      expect(r.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 19' });
      const [after] = await app.ds.query(`SELECT cumulative_compensation FROM fund_state`);
      expect(Number(after.cumulative_compensation) - Number(before.cumulative_compensation)).toBe(6000000);
    } finally {
      // As if resumed: the breaker counts from here on.
      await app.ds.query(
        `UPDATE fund_suspensions SET resumed_on = '2026-11-27', resumed_at = now() WHERE resumed_on IS NULL`,
      );
      await app.ds.query(
        `UPDATE fund_state SET suspended = false, suspended_since = NULL, suspension_id = NULL, cumulative_at_last_resumption = cumulative_compensation`,
      );
    }
  });

  it("another bank's claim → NOT_FOUND (or the same FORBIDDEN as for no claim), and claim(id) is null", async () => {
    const claim = await verifiedClaim('bank-a');
    const q = await app.gql(
      'query($c: ID!) { claim(id: $c) { id } }',
      { c: claim.id },
      await d.token('bank-b'),
    );
    expect(q.data).toEqual({ claim: null });
    const resubmit = await d.try('bank-b', 'mutation($c: ID!) { resubmitClaim(claimId: $c) { id } }', {
      c: claim.id,
    });
    expect(resubmit.error?.extensions?.code).toBe('NOT_FOUND');
    // Paying and co-signing are never a bank's (the operations table refuses them before any row is
    // read): FORBIDDEN, and exactly the same answer for this claim as for one that does not exist.
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [mutation, vars, other] of [
      [PAY, { c: claim.id, k: 'other-bank-pay' }, { c: missing, k: 'other-bank-pay' }],
      [APPROVE, { c: claim.id }, { c: missing }],
    ] as const) {
      const forClaim = await d.try('bank-b', mutation, vars);
      const forNothing = await d.try('bank-b', mutation, other);
      expect(forClaim.error?.extensions?.code).toBe('FORBIDDEN');
      expect(forClaim.error?.message).toBe(forNothing.error?.message);
    }
    const loanOfA = (await app.ds.query(`SELECT loan_id FROM claims WHERE id = $1`, [claim.id]))[0].loan_id;
    const r = await d.try('bank-b', SUBMIT, { i: { loanId: loanOfA, idempotencyKey: 'other-bank-loan' } });
    expect(r.error?.extensions?.code).toBe('NOT_FOUND');
  });

  it('F = 0 (enterprise-year cap used up) → the final approval is refused citing Art 11', async () => {
    const first = await makeLoan(app, {
      bank: 'bank-c',
      principal: '5000000.00',
      outstanding: '5000000.00',
      overdueDays: 80,
    });
    // 5,000,000 is the high tier: 20 % → 1,000,000; top the year up to the cap with a second loan.
    await d.fullClaim('bank-c', first);
    const second = await makeLoan(app, {
      bank: 'bank-c',
      principal: '4000000.00',
      outstanding: '4000000.00',
      overdueDays: 80,
      enterpriseId: first.enterpriseId,
    });
    await d.fullClaim('bank-c', second);
    const third = await makeLoan(app, {
      bank: 'bank-c',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 80,
      enterpriseId: first.enterpriseId,
    });
    const claim = await d.submit('bank-c', third.id);
    expect(claim).toMatchObject({ fundShare: '0.00', limitedBy: 'ENTERPRISE_YEAR_CAP' });
    await d.verify(claim.id);
    await d.approve('ipb', claim.id);
    await d.approve('finance', claim.id);
    const r = await d.try('fo', APPROVE, { c: claim.id });
    expect(r.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 11' });
  });

  it('return needs a comment; the bank resubmits and the claim starts over', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '800000.00',
      overdueDays: 70,
    });
    const claim = await d.submit('bank-a', loan.id);
    const noReason = await d.try(
      'manager',
      'mutation($c: ID!) { returnClaim(claimId: $c, comment: " ") { id } }',
      { c: claim.id },
    );
    expect(noReason.error?.extensions?.code).toBe('POLICY_VIOLATION');
    const returned = await d.ok(
      'manager',
      'mutation($c: ID!) { returnClaim(claimId: $c, comment: "请补充质押登记证明") { id status } }',
      {
        c: claim.id,
      },
    );
    expect(returned.status).toBe('RETURNED');
    // The bank reports a partial repayment meanwhile; the resubmission recomputes the amounts.
    await app.ds.query(`UPDATE loans SET outstanding_principal = 600000.00 WHERE id = $1`, [loan.id]);
    const again = await d.ok(
      'bank-a',
      'mutation($c: ID!) { resubmitClaim(claimId: $c, comment: "已补充") { id status lossBase fundShare } }',
      {
        c: claim.id,
      },
    );
    expect(again).toMatchObject({ status: 'SUBMITTED', lossBase: '600000.00', fundShare: '180000.00' });
    const history = await app.gql<{
      claim: { history: { action: string; organization: { kind: string }; comment: string | null }[] };
    }>(
      'query($c: ID!) { claim(id: $c) { history { action organization { kind } comment } } }',
      { c: claim.id },
      await d.token('auditor'),
    );
    expect(history.data?.claim.history.map((h) => h.action)).toEqual(['SUBMIT', 'RETURN', 'RESUBMIT']);
    expect(history.data?.claim.history[1]).toMatchObject({
      organization: { kind: 'FUND_MANAGER' },
      comment: '请补充质押登记证明',
    });
  });

  it('one claim per loan: a second filing with another key → CONFLICT; the same key → the same claim', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 70,
    });
    const first = await d.submit('bank-a', loan.id, 'same-key-0001');
    const again = await d.submit('bank-a', loan.id, 'same-key-0001');
    expect(again.id).toBe(first.id);
    const other = await d.try('bank-a', SUBMIT, { i: { loanId: loan.id, idempotencyKey: 'other-key-0002' } });
    expect(other.error?.extensions).toMatchObject({ code: 'CONFLICT', article: 'Art 11' });
  });
});

describe('who sees which claims (DOMAIN.md §2)', () => {
  it('banks see their own, a guarantor those on its loans, an enterprise none, offices/manager/auditor all', async () => {
    const all: { id: string; bank_id: string; guarantor_id: string | null }[] = await app.ds.query(
      `SELECT c.id, c.bank_id, c.guarantor_id FROM claims c`,
    );
    expect(all.length).toBeGreaterThan(5);
    const ids = async (user: string) => {
      const res = await app.gql<{ claims: { totalCount: number; edges: { node: { id: string } }[] } }>(
        'query { claims(first: 100) { totalCount edges { node { id } } } }',
        {},
        await d.token(user),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.claims.totalCount).toBe(res.data!.claims.edges.length);
      return res.data!.claims.edges.map((e) => e.node.id).sort();
    };
    const org = async (key: string) => (await app.actor(key)).orgId;
    const bankA = await org('bank-a');
    const gA = await org('guarantor-a');
    expect(await ids('bank-a')).toEqual(
      all
        .filter((c) => c.bank_id === bankA)
        .map((c) => c.id)
        .sort(),
    );
    expect(await ids('guarantor-a')).toEqual(
      all
        .filter((c) => c.guarantor_id === gA)
        .map((c) => c.id)
        .sort(),
    );
    expect(await ids('ent-1')).toEqual([]);
    for (const u of ['ipb', 'finance', 'fo', 'manager', 'auditor'])
      expect(await ids(u)).toEqual(all.map((c) => c.id).sort());
  });

  it('claims(first: 50) with nested fields costs the same SQL statements as first: 2 (no N+1)', async () => {
    const token = await d.token('manager');
    const q = `query($n: Int) { claims(first: $n) { edges { node { id loan { contractNo bankName } approvals { decision }
      history { action } documents { id } recoveries { id } allowedActions } } } }`;
    const small = await app.queries.measure(() => app.gql(q, { n: 2 }, token));
    const large = await app.queries.measure(() => app.gql(q, { n: 50 }, token));
    expect((large.result.data as { claims: { edges: unknown[] } }).claims.edges.length).toBeGreaterThan(5);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe('claim documents', () => {
  it('the bank attaches a document; viewers list and download it byte for byte; others cannot', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-b',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 70,
    });
    const claim = await d.submit('bank-b', loan.id);
    const content = Buffer.from('借款合同 第1页\n'.repeat(100));
    const up = await app.gql<{
      uploadClaimDocument: { id: string; sizeBytes: number; sha256: string; uploadedAt: string };
    }>(
      `mutation($i: UploadClaimDocumentInput!) { uploadClaimDocument(input: $i) { id sizeBytes sha256 uploadedAt } }`,
      {
        i: {
          claimId: claim.id,
          kind: 'LOAN_CONTRACT',
          fileName: '借款合同.pdf',
          contentType: 'application/pdf',
          contentBase64: content.toString('base64'),
        },
      },
      await d.token('bank-b'),
    );
    expect(up.errors).toBeUndefined();
    expect(up.data?.uploadClaimDocument.sizeBytes).toBe(content.length);
    expect(up.data?.uploadClaimDocument.uploadedAt).toEqual(expect.any(String));
    const q = 'query($id: ID!) { claimDocument(id: $id) { contentBase64 document { fileName } } }';
    const got = await app.gql<{ claimDocument: { contentBase64: string } }>(
      q,
      { id: up.data!.uploadClaimDocument.id },
      await d.token('manager'),
    );
    expect(Buffer.from(got.data!.claimDocument.contentBase64, 'base64').equals(content)).toBe(true);
    const foreign = await app.gql(q, { id: up.data!.uploadClaimDocument.id }, await d.token('bank-a'));
    expect(foreign.data).toEqual({ claimDocument: null });
    const byManager = await app.gql(
      `mutation($i: UploadClaimDocumentInput!) { uploadClaimDocument(input: $i) { id } }`,
      {
        i: {
          claimId: claim.id,
          kind: 'OTHER',
          fileName: 'x.txt',
          contentType: 'text/plain',
          contentBase64: 'eA==',
        },
      },
      await d.token('manager'),
    );
    expect(byManager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
