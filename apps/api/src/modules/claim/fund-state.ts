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

/** Records a final approval; when it trips the breaker, a new suspension episode opens. */
export async function recordFinalApproval(
  em: EntityManager,
  args: {
    cumulativeAfter: Money;
    suspendedAfter: boolean;
    on: IsoDate;
    claimId: string;
    wasSuspended: boolean;
  },
): Promise<void> {
  let suspensionId: string | null = null;
  if (args.suspendedAfter && !args.wasSuspended) {
    const [opened]: { id: string }[] = await em.query(
      `INSERT INTO fund_suspensions (suspended_on, tripped_by_claim_id, cumulative_at_trip)
       VALUES ($1, $2, $3) RETURNING id::text AS id`,
      [args.on, args.claimId, args.cumulativeAfter.toString()],
    );
    suspensionId = opened.id;
  }
  await em.query(
    `UPDATE fund_state SET cumulative_compensation = $1,
       suspended = $2,
       suspended_since = CASE WHEN $3::bigint IS NOT NULL THEN $4::date ELSE suspended_since END,
       suspended_by_claim_id = CASE WHEN $3::bigint IS NOT NULL THEN $5::uuid ELSE suspended_by_claim_id END,
       suspension_id = COALESCE($3::bigint, suspension_id),
       updated_at = now()
     WHERE id = 1`,
    [args.cumulativeAfter.toString(), args.suspendedAfter, suspensionId, args.on, args.claimId],
  );
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
