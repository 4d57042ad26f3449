import { overdueDays } from '@ipfund/policy';
import { LoanEntity } from '../../modules/loan/loan.entity';
import type { DemoContext, DemoStep } from '../steps';
import { attachClaimDocuments } from './tasks';

/** Where each demo claim stops, so every role finds work waiting after login. */
const STOPS = [
  'PAID_WITH_RECOVERY',
  'APPROVED',
  'VERIFIED_ONE_SIGNATURE',
  'GUARANTOR_CONFIRMED',
  'SUBMITTED',
  'RETURNED',
  'REJECTED',
] as const;
type Stop = (typeof STOPS)[number];

/**
 * Claims at every status (Art 16–18), filed through the real use cases on the demo loans that are
 * ≥ 60 days overdue and covered: one paid with a recovery whose remittance is due, one approved
 * and waiting for payout, one half co-signed, one confirmed by its guarantor, one just filed, one
 * returned for documents, one rejected.
 */
export const claimsDemoStep: DemoStep = async (ctx) => {
  const { today } = ctx;
  const loans = await ctx.ds
    .getRepository(LoanEntity)
    .createQueryBuilder('loan')
    .where("loan.covered AND loan.status = 'ACTIVE' AND loan.earliest_unpaid_due_date IS NOT NULL")
    .orderBy('loan.contract_no')
    .getMany();
  const eligible = loans.filter((l) => overdueDays(l.earliestUnpaidDueDate, today) >= 60);
  // The guarantor-confirmed stop needs a three-party loan; give it the first one.
  const threeParty = eligible.find((l) => l.guarantorId !== null);
  const ordered = threeParty ? [threeParty, ...eligible.filter((l) => l !== threeParty)] : eligible;
  const plan: [Stop, LoanEntity][] = [];
  const stops: Stop[] = threeParty
    ? ['GUARANTOR_CONFIRMED', ...STOPS.filter((s) => s !== 'GUARANTOR_CONFIRMED')]
    : [...STOPS];
  for (const [i, stop] of stops.entries()) if (ordered[i]) plan.push([stop, ordered[i]]);
  for (const [stop, loan] of plan) await fileUntil(ctx, loan, stop);
};

/** The first user of an organisation (the demo has one per organisation). */
async function userOf(ctx: DemoContext, orgId: string): Promise<string> {
  const rows: { username: string }[] = await ctx.ds.query(
    `SELECT username FROM users WHERE organization_id = $1 ORDER BY username LIMIT 1`,
    [orgId],
  );
  return rows[0].username;
}

async function fileUntil(ctx: DemoContext, loan: LoanEntity, stop: Stop): Promise<void> {
  const { services, today, actor } = ctx;
  const bank = await actor(await userOf(ctx, loan.bankId));
  const manager = await actor('manager');
  const claims = services.claims;
  const claim = await claims.submit(bank, {
    loanId: loan.id,
    idempotencyKey: `demo-claim-${loan.contractNo}`,
    comment: '贷款逾期超过60天，申请风险补偿',
  });
  if (stop === 'SUBMITTED') return;
  if (stop === 'RETURNED') {
    await claims.returnToBank(manager, claim.id, '请补充质押登记证明及催收记录');
    return;
  }
  if (loan.guarantorId) {
    await claims.confirmGuarantorShare(
      await actor(await userOf(ctx, loan.guarantorId)),
      claim.id,
      '确认按合作协议分担损失',
    );
  }
  if (stop === 'GUARANTOR_CONFIRMED') return;
  // Art 17: the bank's materials are on file before the manager verifies.
  await attachClaimDocuments(ctx, bank, claim);
  await claims.verify(manager, claim.id, '材料齐全，逾期天数及金额核实无误');
  await claims.approve(await actor('ipb'), claim.id, '同意');
  if (stop === 'VERIFIED_ONE_SIGNATURE') return;
  if (stop === 'REJECTED') {
    await claims.reject(await actor('finance'), claim.id, '贷款用途与合同约定不符，不予补偿');
    return;
  }
  await claims.approve(await actor('finance'), claim.id, '同意');
  await claims.approve(await actor('fo'), claim.id, '同意');
  if (stop === 'APPROVED') return;
  await claims.pay(manager, claim.id, `demo-pay-${loan.contractNo}`, '已划付至银行指定账户');
  // The bank collected from the borrower's guarantor first: it declared the fund's share remitted
  // and the manager confirmed it against the special account's statement (Art 18), which posted it.
  const first = await services.recoveries.record(bank, {
    claimId: claim.id,
    amount: '50000.00',
    receivedOn: today,
    idempotencyKey: `demo-recovery-${loan.contractNo}-0`,
  });
  await services.recoveries.declareRemittance(bank, {
    recoveryId: first.id,
    idempotencyKey: `demo-remit-${loan.contractNo}-0`,
    remittedOn: today,
    reference: `TRF${today.replace(/-/g, '')}001`,
  });
  await services.recoveries.confirmRemittance(manager, {
    recoveryId: first.id,
    bankStatementRef: `JZ${today.replace(/-/g, '')}0007`,
    receivedOn: today,
  });
  // It has since sold a pledged patent; the fund's share falls due in 30 days. The bank says it
  // remitted it: the declaration waits for the manager's confirmation (nothing posted yet).
  const second = await services.recoveries.record(bank, {
    claimId: claim.id,
    amount: '200000.00',
    receivedOn: today,
    idempotencyKey: `demo-recovery-${loan.contractNo}`,
  });
  await services.recoveries.declareRemittance(bank, {
    recoveryId: second.id,
    idempotencyKey: `demo-remit-${loan.contractNo}-1`,
    remittedOn: today,
    reference: `TRF${today.replace(/-/g, '')}002`,
  });
}
