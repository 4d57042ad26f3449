import type { EntityManager } from 'typeorm';
import { Money, type IsoDate } from '@ipfund/policy';

/** The circuit-breaker state (R7), one row, with the open suspension episode if any. */
export interface FundState {
  cumulative: Money;
  cumulativeAtLastResumption: Money;
  suspended: boolean;
  suspendedSince: IsoDate | null;
  /**
   * The open suspension episode (fund_suspensions.id). A suspension is identified by its own id, not
   * its date: the fund may trip, resume and trip again on one business date (Art 19).
   */
  suspensionId: string | null;
}

interface FundStateRow {
  cumulative_compensation: string;
  cumulative_at_last_resumption: string;
  suspended: boolean;
  suspended_since: IsoDate | null;
  suspension_id: string | null;
}

const toState = (r: FundStateRow): FundState => ({
  cumulative: Money.of(r.cumulative_compensation),
  cumulativeAtLastResumption: Money.of(r.cumulative_at_last_resumption),
  suspended: r.suspended,
  suspendedSince: r.suspended_since,
  suspensionId: r.suspension_id === null ? null : String(r.suspension_id),
});

const COLUMNS =
  'cumulative_compensation, cumulative_at_last_resumption, suspended, suspended_since::text AS suspended_since, suspension_id::text AS suspension_id';

/**
 * `forUpdate` locks the row: every final approval takes this lock for its last check and write, so
 * final approvals are serialized and the breaker, the enterprise-year cap, the principal's
 * commitment (Art 7) and the cumulative figure are exact.
 */
export async function readFundState(
  em: EntityManager,
  opts: { forUpdate?: boolean } = {},
): Promise<FundState> {
  const rows: FundStateRow[] = await em.query(
    `SELECT ${COLUMNS} FROM fund_state WHERE id = 1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
  );
  return toState(rows[0]);
}

/**
 * Everything `fundStatus` shows, in ONE statement (issue 10: a read is the tenant settings and as few
 * statements as its answer needs): the breaker's state, the commitment (Art 7), the funder's
 * contributions and the termination (Art 3, 24; modules/fund owns those tables — this is a read
 * model over them, not a second writer), and, for the ledger's readers, the principal and interest
 * balances. Row-level security applies to every table read, as for the separate reads it replaces.
 */
export async function readFundStatusFacts(
  em: EntityManager,
  accounts: { principal: string; interest: string },
  withBalances: boolean,
): Promise<{
  state: FundState;
  committed: Money;
  totalContributions: Money;
  termination: { status: string; effectiveOn: IsoDate } | null;
  balances: { principal: Money; interest: Money } | null;
}> {
  const [row]: (FundStateRow & {
    committed: string;
    contributions: string;
    termination_status: string | null;
    termination_effective_on: IsoDate | null;
    principal: string | null;
    interest: string | null;
  })[] = await em.query(
    `SELECT ${COLUMNS},
            (SELECT COALESCE(sum(final_fund_share), 0)::numeric(18,2)::text FROM claims WHERE status = 'APPROVED') AS committed,
            (SELECT COALESCE(sum(amount), 0)::numeric(18,2)::text FROM capital_contributions) AS contributions,
            t.status AS termination_status, t.effective_on::text AS termination_effective_on,
            CASE WHEN $3 THEN (SELECT balance::text FROM ledger_account_balances WHERE account_code = $1) END AS principal,
            CASE WHEN $3 THEN (SELECT balance::text FROM ledger_account_balances WHERE account_code = $2) END AS interest
       FROM fund_state
       LEFT JOIN fund_terminations t ON t.status IN ('TERMINATED','SETTLED')
      WHERE fund_state.id = 1`,
    [accounts.principal, accounts.interest, withBalances],
  );
  return {
    state: toState(row),
    committed: Money.of(row.committed),
    totalContributions: Money.of(row.contributions),
    termination:
      row.termination_status && row.termination_effective_on
        ? { status: row.termination_status, effectiveOn: row.termination_effective_on }
        : null,
    balances: withBalances
      ? { principal: Money.of(row.principal ?? '0'), interest: Money.of(row.interest ?? '0') }
      : null,
  };
}

/**
 * Principal balance and Σ F approved but not yet paid, read in ONE statement: under READ COMMITTED
 * a payout committing between two statements would move money out of the principal and out of the
 * commitment at once, and two reads could see one half of it.
 */
export async function principalCommitment(
  em: EntityManager,
  principalAccount: string,
): Promise<{ principal: Money; committed: Money }> {
  const [row]: { principal: string | null; committed: string }[] = await em.query(
    `SELECT (SELECT balance::text FROM ledger_account_balances WHERE account_code = $1) AS principal,
            (SELECT COALESCE(sum(final_fund_share), 0)::numeric(18,2)::text FROM claims WHERE status = 'APPROVED') AS committed`,
    [principalAccount],
  );
  return { principal: Money.of(row.principal ?? '0'), committed: Money.of(row.committed) };
}

/**
 * The figures a final approval checks under the fund-state lock, in ONE statement (one snapshot, taken
 * after the lock was granted): the principal's balance, Σ F approved but unpaid by OTHER claims (Art 7;
 * this claim already carries its status and amounts in the transaction), and the
 * enterprise's compensation so far this year without this claim (the enterprise-year cap, Art 11 —
 * through the database function, since a bank may not read other banks' claims on a shared borrower).
 */
export async function approvalFigures(
  em: EntityManager,
  principalAccount: string,
  enterpriseId: string,
  year: number,
  claimId: string,
): Promise<{ principal: Money; committed: Money; yearSoFar: Money }> {
  const [row]: { principal: string | null; committed: string; year_so_far: string | null }[] = await em.query(
    `SELECT (SELECT balance::text FROM ledger_account_balances WHERE account_code = $1) AS principal,
            (SELECT COALESCE(sum(final_fund_share), 0)::numeric(18,2)::text FROM claims
              WHERE status = 'APPROVED' AND id <> $4::uuid) AS committed,
            ipfund_enterprise_year_compensated($2::uuid, $3::int, $4::uuid)::text AS year_so_far`,
    [principalAccount, enterpriseId, year, claimId],
  );
  return {
    principal: Money.of(row.principal ?? '0'),
    committed: Money.of(row.committed),
    yearSoFar: Money.of(row.year_so_far ?? '0'),
  };
}

/** What a final approval fixes on the claim (Art 17): the amounts as approved, and the day. */
export interface ClaimFinals {
  approvedOn: IsoDate;
  finalFundShare: string;
  finalGuarantorShare: string;
  finalBankShare: string;
  finalLimitedBy: string | null;
  finalComputation: unknown;
}

/**
 * Records a final approval — the fund's new cumulative figure and the claim's approved amounts in one
 * statement, the last write under the fund-state lock. When it trips the breaker, a new suspension
 * episode opens first; its id is returned (null when the breaker did not trip).
 */
export async function recordFinalApproval(
  em: EntityManager,
  args: {
    cumulativeAfter: Money;
    suspendedAfter: boolean;
    on: IsoDate;
    claimId: string;
    wasSuspended: boolean;
    claimFinals: ClaimFinals;
  },
): Promise<{ suspensionId: string | null }> {
  let suspensionId: string | null = null;
  if (args.suspendedAfter && !args.wasSuspended) {
    const [opened]: { id: string }[] = await em.query(
      `INSERT INTO fund_suspensions (suspended_on, tripped_by_claim_id, cumulative_at_trip)
       VALUES ($1, $2, $3) RETURNING id::text AS id`,
      [args.on, args.claimId, args.cumulativeAfter.toString()],
    );
    suspensionId = opened.id;
  }
  const f = args.claimFinals;
  await em.query(
    `WITH fund AS (
       UPDATE fund_state SET cumulative_compensation = $1,
         suspended = $2,
         suspended_since = CASE WHEN $3::bigint IS NOT NULL THEN $4::date ELSE suspended_since END,
         suspended_by_claim_id = CASE WHEN $3::bigint IS NOT NULL THEN $5::uuid ELSE suspended_by_claim_id END,
         suspension_id = COALESCE($3::bigint, suspension_id),
         updated_at = now()
       WHERE id = 1
       RETURNING id)
     UPDATE claims SET approved_on = $6, final_fund_share = $7, final_guarantor_share = $8,
       final_bank_share = $9, final_limited_by = $10, final_computation = $11::jsonb
     WHERE id = $5::uuid AND EXISTS (SELECT 1 FROM fund)`,
    [
      args.cumulativeAfter.toString(),
      args.suspendedAfter,
      suspensionId,
      args.on,
      args.claimId,
      f.approvedOn,
      f.finalFundShare,
      f.finalGuarantorShare,
      f.finalBankShare,
      f.finalLimitedBy,
      JSON.stringify(f.finalComputation),
    ],
  );
  return { suspensionId };
}

/** Closes the open episode and lets the breaker count from the cumulative figure now (Art 19). */
export async function recordResumption(em: EntityManager, suspensionId: string, on: IsoDate): Promise<void> {
  await em.query(`UPDATE fund_suspensions SET resumed_on = $2, resumed_at = now() WHERE id = $1`, [
    suspensionId,
    on,
  ]);
  await em.query(
    `UPDATE fund_state SET suspended = false, suspended_since = NULL, suspended_by_claim_id = NULL,
       suspension_id = NULL, cumulative_at_last_resumption = cumulative_compensation, updated_at = now()
     WHERE id = 1`,
  );
}
