import type { EntityManager } from 'typeorm';
import { Money, type IsoDate } from '@ipfund/policy';

/** The circuit-breaker state (R7), one row. */
export interface FundState {
  cumulative: Money;
  cumulativeAtLastResumption: Money;
  suspended: boolean;
  suspendedSince: IsoDate | null;
}

interface FundStateRow {
  cumulative_compensation: string;
  cumulative_at_last_resumption: string;
  suspended: boolean;
  suspended_since: IsoDate | null;
}

const toState = (r: FundStateRow): FundState => ({
  cumulative: Money.of(r.cumulative_compensation),
  cumulativeAtLastResumption: Money.of(r.cumulative_at_last_resumption),
  suspended: r.suspended,
  suspendedSince: r.suspended_since,
});

const COLUMNS = 'cumulative_compensation, cumulative_at_last_resumption, suspended, suspended_since';

/**
 * `forUpdate` locks the row: every final approval takes this lock first, so final approvals are
 * serialized and the breaker, the enterprise-year cap and the cumulative figure are exact.
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
  const suspends = args.suspendedAfter && !args.wasSuspended;
  await em.query(
    `UPDATE fund_state SET cumulative_compensation = $1,
       suspended = $2,
       suspended_since = CASE WHEN $3::boolean THEN $4::date ELSE suspended_since END,
       suspended_by_claim_id = CASE WHEN $3::boolean THEN $5::uuid ELSE suspended_by_claim_id END,
       updated_at = now()
     WHERE id = 1`,
    [args.cumulativeAfter.toString(), args.suspendedAfter, suspends, args.on, args.claimId],
  );
}

export async function recordResumption(em: EntityManager): Promise<void> {
  await em.query(
    `UPDATE fund_state SET suspended = false, suspended_since = NULL,
       suspended_by_claim_id = NULL, cumulative_at_last_resumption = cumulative_compensation, updated_at = now()
     WHERE id = 1`,
  );
}
