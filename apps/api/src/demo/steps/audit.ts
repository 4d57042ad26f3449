import { addDays, halfYearOf, type IsoDate } from '@ipfund/policy';
import type { DemoStep } from '../steps';

/** The demo's engagement: from 60 days before the demo's business date to 120 days after. */
export const DEMO_AUDIT_WINDOW = { before: 60, after: 120 };

/** The half year before the one the demo's business date falls in ("2026-H1" for 2026-11-27). */
export function previousHalf(today: IsoDate): string {
  const current = halfYearOf(today);
  return halfYearOf(addDays(current.from, -1)).half;
}

/**
 * Audit (Art 20) and the partner evaluation (Art 23), through the real use cases:
 * - the IP bureau engages the demo audit firm for the fund's use and management, with a window
 *   around the demo's business date, so `auditor` reads the programme (and every read is logged);
 * - the manager computes the previous half year's evaluation, scores every bank and guarantor on
 *   the qualitative criteria and submits it to the offices: one frozen round, each partner able to
 *   read its own entry.
 */
export const auditDemoStep: DemoStep = async (ctx) => {
  const { services, today } = ctx;
  const [ipb, manager, auditor] = await Promise.all(['ipb', 'manager', 'auditor'].map((u) => ctx.actor(u)));
  await services.audit.engage(ipb, {
    auditorOrgId: auditor.orgId,
    scope: '风险补偿资金使用和管理情况专项审计（资金账簿、补偿申请及审批、追偿返还）',
    subjects: ['LedgerEntry', 'Claim', 'Recovery'],
    startsOn: addDays(today, -DEMO_AUDIT_WINDOW.before),
    endsOn: addDays(today, DEMO_AUDIT_WINDOW.after),
  });

  const half = previousHalf(today);
  let round = await services.evaluation.compute(manager, half);
  // Scores that differ per partner, deterministic (the demo is the same every time).
  for (const [i, entry] of round.entries.entries()) {
    round = await services.evaluation.score(manager, entry.id, {
      productInnovation: String(60 + ((i * 7) % 35)),
      workEffectiveness: String(70 + ((i * 11) % 25)),
      comment: i === 0 ? '产品创新积极，贷后管理规范' : null,
    });
  }
  await services.evaluation.submit(manager, half);
};
