import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@ipfund/policy';

/** Where the fund's termination stands (Art 24). */
export const TERMINATION_STATUSES = ['PROPOSED', 'DECLINED', 'TERMINATED', 'SETTLED'] as const;
export type TerminationStatus = (typeof TERMINATION_STATUSES)[number];

/**
 * The date from which the offices' termination decision takes effect, or null while the fund runs:
 * the coverage rule's input (`fundTerminatedFrom`, packages/policy coverage.ts), so a loan issued on or
 * after it is not covered. Read under a share lock on every live proposal or decision: a decision
 * being made concurrently is either seen here (the row is re-read after its lock is released) or
 * waits for the caller's transaction.
 */
export async function fundTerminatedFrom(em: EntityManager): Promise<IsoDate | null> {
  const rows: { status: TerminationStatus; effective_on: IsoDate }[] = await em.query(
    `SELECT status, effective_on::text AS effective_on FROM fund_terminations
      WHERE status IN ('PROPOSED','TERMINATED','SETTLED') FOR SHARE`,
  );
  const decided = rows.find((r) => r.status === 'TERMINATED' || r.status === 'SETTLED');
  return decided?.effective_on ?? null;
}
