/**
 * Two defects of the fund's pipeline (issue 12), each proved through GraphQL as the parties act:
 * - a fund suspended a second time on the same business date can be resumed (votes are keyed by the
 *   suspension episode, not by its date; Art 19);
 * - a final approval cannot commit more than the principal holds less the fund shares already
 *   approved but not yet paid (Art 7: the principal pays compensation, and only what it holds).
 */
import { Money } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ClaimDriver, nearTheBreaker, twoSignatures } from './fixtures';

const FUND_STATUS = `query { fundStatus {
  principalBalance cumulativeCompensation suspended committedCompensation
  cumulativeAtLastResumption cumulativeSinceResumption availableForCompensation suspensionId
} }`;

interface FundStatusView {
  principalBalance: string;
  cumulativeCompensation: string;
  suspended: boolean;
  committedCompensation: string;
  cumulativeAtLastResumption: string;
  cumulativeSinceResumption: string;
  availableForCompensation: string;
  suspensionId: string | null;
}

const APPROVE = 'mutation($c: ID!) { approveClaim(claimId: $c, comment: "同意") { id status fundShare } }';
const VOTES = 'query { fundResumptionVotes { orgKind comment businessDate } }';
const CONSENT = 'mutation($m: String!) { consentToResumeFund(comment: $m) { resumed votes } }';

let app: TestApp;
let d: ClaimDriver;

async function status(): Promise<FundStatusView> {
  const res = await app.gql<{ fundStatus: FundStatusView }>(FUND_STATUS, {}, await d.token('manager'));
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.fundStatus;
}

/** The four voters consent in turn; returns each answer. */
async function resumeFully(comment: string) {
  const answers = [];
  for (const who of ['ipb', 'finance', 'fo', 'manager']) {
    const r = await app.gql<{ consentToResumeFund: { resumed: boolean; votes: number } }>(
      CONSENT,
      { m: `${comment}（${who}）` },
      await d.token(who),
    );
    answers.push({ who, data: r.data?.consentToResumeFund ?? null, error: r.errors?.[0] ?? null });
  }
  return answers;
}

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
});
afterAll(() => app.close());

describe('a fund suspended twice on one business date (Art 19)', () => {
  it('is resumed each time by the four consents; the votes shown are the current suspension’s only', async () => {
    const manager = await d.token('manager');
    // First trip: a 300,000.00 share crosses 6,000,000.00 since the last resumption.
    await nearTheBreaker(app);
    const first = await twoSignatures(app, d, '1000000.00');
    expect((await d.approve('fo', first.id)).status).toBe('APPROVED');
    const tripped = await status();
    expect(tripped.suspended).toBe(true);
    expect(tripped.suspensionId).not.toBeNull();
    const firstRound = await resumeFully('第一次恢复');
    expect(firstRound.map((a) => a.error)).toEqual([null, null, null, null]);
    expect(firstRound.map((a) => a.data)).toEqual([
      { resumed: false, votes: 1 },
      { resumed: false, votes: 2 },
      { resumed: false, votes: 3 },
      { resumed: true, votes: 4 },
    ]);
    const resumed = await status();
    expect(resumed.suspended).toBe(false);
    expect(resumed.cumulativeAtLastResumption).toBe(tripped.cumulativeCompensation);
    expect(resumed.cumulativeSinceResumption).toBe('0.00');

    // Second trip, the same business date.
    await nearTheBreaker(app);
    const second = await twoSignatures(app, d, '1000000.00');
    expect((await d.approve('fo', second.id)).status).toBe('APPROVED');
    const again = await status();
    expect(again.suspended).toBe(true);
    // The first suspension's consents are history: none is shown for this one yet.
    const votes = await app.gql<{ fundResumptionVotes: unknown[] }>(VOTES, {}, manager);
    expect(votes.data?.fundResumptionVotes).toEqual([]);

    const secondRound = await resumeFully('第二次恢复');
    expect(secondRound.map((a) => a.error?.message ?? null)).toEqual([null, null, null, null]);
    expect(secondRound.at(-1)?.data).toEqual({ resumed: true, votes: 4 });
    expect((await status()).suspended).toBe(false);
    // Two episodes, told apart by their own ids although they began on the same date.
    expect(again.suspensionId).not.toBe(tripped.suspensionId);

    // The fund can take a final approval again.
    const third = await twoSignatures(app, d, '1000000.00');
    expect((await d.approve('fo', third.id)).status).toBe('APPROVED');
  });

  it('a second consent of the same office to one suspension → CONFLICT, Art 19', async () => {
    await nearTheBreaker(app);
    const claim = await twoSignatures(app, d, '1000000.00');
    await d.approve('fo', claim.id);
    expect((await status()).suspended).toBe(true);
    const ipb = await d.token('ipb');
    expect((await app.gql(CONSENT, { m: '同意恢复' }, ipb)).errors).toBeUndefined();
    const twice = await app.gql(CONSENT, { m: '再次同意' }, ipb);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', article: 'Art 19' });
    const shown = await app.gql<{ fundResumptionVotes: { orgKind: string }[] }>(
      VOTES,
      {},
      await d.token('manager'),
    );
    expect(shown.data?.fundResumptionVotes.map((v) => v.orgKind)).toEqual(['IP_BUREAU']);
    // Leave the fund running for the next test.
    for (const who of ['finance', 'fo', 'manager']) {
      expect((await app.gql(CONSENT, { m: '同意恢复' }, await d.token(who))).errors).toBeUndefined();
    }
    expect((await status()).suspended).toBe(false);
  });
});

describe('final approvals commit no more than the principal holds (Art 7)', () => {
  it('refuses the final signature while F exceeds principal − approved-unpaid shares; fundStatus shows both', async () => {
    const before = await status();
    expect(before.suspended).toBe(false);
    // Approved but unpaid shares commit the principal: approve 1,500,000.00 shares (8M high-tier loans
    // at 20 % are capped per loan, Art 11) until less than one more share remains available.
    const share = Money.of('1500000.00');
    let committed = Money.of(before.committedCompensation);
    let guard = 0;
    while (Money.of((await status()).availableForCompensation).gte(share)) {
      if (++guard > 12) throw new Error('the principal never filled');
      // Keep the breaker out of the way: this test is about the principal, not about Art 19.
      await app.ds.query(
        `UPDATE fund_state SET cumulative_at_last_resumption = cumulative_compensation WHERE id = 1 AND NOT suspended`,
      );
      const claim = await twoSignatures(app, d, '8000000.00');
      const approved = await d.approve('fo', claim.id);
      expect(approved).toMatchObject({ status: 'APPROVED', fundShare: '1500000.00' });
      committed = committed.plus(share);
      if ((await status()).suspended) await resumeFully('风险可控');
    }
    const full = await status();
    expect(full.committedCompensation).toBe(committed.toString());
    expect(full.availableForCompensation).toBe(Money.of(full.principalBalance).minus(committed).toString());
    await app.ds.query(
      `UPDATE fund_state SET cumulative_at_last_resumption = cumulative_compensation WHERE id = 1`,
    );

    const claim = await twoSignatures(app, d, '8000000.00');
    const r = await d.try('fo', APPROVE, { c: claim.id });
    expect(r.claim).toBeNull();
    expect(r.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 7' });
    const after = await status();
    // Nothing was committed by the refusal: cumulative, committed and the claim are as they were.
    expect(after.cumulativeCompensation).toBe(full.cumulativeCompensation);
    expect(after.committedCompensation).toBe(full.committedCompensation);
    const [row] = await app.ds.query(`SELECT status FROM claims WHERE id = $1`, [claim.id]);
    expect(row.status).toBe('VERIFIED');

    // Paying an approved claim does not free anything (principal and committed fall together) ...
    const [oldest] = await app.ds.query(
      `SELECT id FROM claims WHERE status = 'APPROVED' ORDER BY approved_on, seq LIMIT 1`,
    );
    await d.pay(oldest.id);
    const paid = await status();
    expect(paid.availableForCompensation).toBe(full.availableForCompensation);
    // ... so the held claim is still refused.
    const still = await d.try('fo', APPROVE, { c: claim.id });
    expect(still.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 7' });
  });
});
