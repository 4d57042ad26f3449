import { addDays, compareDates, type IsoDate } from '@ipfund/policy';
import { LoanEntity } from '../../modules/loan/loan.entity';
import { OrganizationEntity } from '../../modules/org/org.entity';
import { DEMO_ORGS } from '../demo-data';
import type { DemoContext, DemoStep } from '../steps';

/** The bank the demo leaves in warning (5 % ≤ ratio < 8 %), with a warning already sent. */
export const DEMO_WARNED_BANK = 'bank-a';
/** The bank the demo leaves at ≥ 8 %, its suspension proposed and waiting for the IP bureau. */
export const DEMO_SUSPENSION_BANK = 'bank-c';

async function bankId(ctx: DemoContext, key: string): Promise<string> {
  const name = DEMO_ORGS.find((o) => o.key === key)!.name;
  return (await ctx.ds.getRepository(OrganizationEntity).findOneByOrFail({ name })).id;
}

/** A seeded loan by its number (contract numbers end in the 1-based loan number, see seed.ts). */
async function seededLoan(ctx: DemoContext, bank: string, n: number): Promise<LoanEntity> {
  return ctx.ds
    .getRepository(LoanEntity)
    .createQueryBuilder('loan')
    .where('loan.bank_id = :bank', { bank: await bankId(ctx, bank) })
    .andWhere('loan.contract_no LIKE :suffix', { suffix: `%-${String(n).padStart(4, '0')}` })
    .getOneOrFail();
}

/** An unpaid instalment `days` ago, or the maturity date if that came first (never after maturity). */
function lateBy(loan: LoanEntity, today: IsoDate, days: number): IsoDate {
  const due = addDays(today, -days);
  return compareDates(due, loan.maturesOn) > 0 ? loan.maturesOn : due;
}

/**
 * Bank supervision (Art 12) and early warning (Art 16), through the real use cases:
 * - bank A reports a 3,000,000 loan 20 days late → about 6 % → the manager sends a warning;
 * - bank C, over 8 % with its loans ≥ 60 days overdue (seed.ts), reports one more loan 18 days
 *   late → the manager proposes suspension, which waits for the IP bureau;
 * - a guarantor reports a deterioration on a bank B loan (awaiting verification), and bank C's
 *   report of an overdue loan is already verified by the manager with the measures taken;
 * - guarantor A acknowledges the first few loans it guarantees.
 */
export const riskDemoStep: DemoStep = async (ctx) => {
  const { services, today } = ctx;
  const [bankA, bankC, guarantorA, guarantorB, manager] = await Promise.all(
    ['bank-a', 'bank-c', 'guarantor-a', 'guarantor-b', 'manager'].map((u) => ctx.actor(u)),
  );

  const aLoan = await seededLoan(ctx, DEMO_WARNED_BANK, 43);
  await services.loans.reportStatus(bankA, {
    loanId: aLoan.id,
    asOf: today,
    outstandingPrincipal: aLoan.outstandingPrincipal,
    earliestUnpaidDueDate: lateBy(aLoan, today, 20),
  });
  await services.risk.issueWarning(
    manager,
    bankA.orgId,
    '贵行逾期15天以上的知识产权质押贷款已达实际发放总额的5%以上，请审慎新增贷款并加强贷后管理（第十二条）。',
  );

  // Bank C's loans ≥ 60 days overdue (seed.ts) put it over 8 %; one more reported 18 days late.
  const cLoan = await seededLoan(ctx, DEMO_SUSPENSION_BANK, 36);
  await services.loans.reportStatus(bankC, {
    loanId: cLoan.id,
    asOf: today,
    outstandingPrincipal: cLoan.outstandingPrincipal,
    earliestUnpaidDueDate: lateBy(cLoan, today, 18),
  });
  await services.risk.proposeSuspension(
    manager,
    bankC.orgId,
    '该行逾期15天以上贷款占比已超过8%，拟要求其中止发放知识产权质押融资贷款，报区知识产权局同意（第十二条）。',
  );

  const overdue = await seededLoan(ctx, DEMO_SUSPENSION_BANK, 3);
  const event = await services.risk.reportEvent(bankC, {
    loanId: overdue.id,
    kind: 'OVERDUE',
    description: '企业未按期归还本息，已逾期超过60天，经多次催收仍未还款。',
  });
  await services.risk.verifyEvent(manager, {
    eventId: event.id,
    verification: '经与银行、担保机构共同核实，企业主营业务停滞，短期内无还款能力。',
    measures: '中止贷款合同，启动质押专利处置，准备补偿申请材料。',
    contractSuspended: true,
  });

  const bLoan = await seededLoan(ctx, 'bank-b', 11);
  const guarantorOfB = bLoan.guarantorId === guarantorA.orgId ? guarantorA : guarantorB;
  await services.risk.reportEvent(guarantorOfB, {
    loanId: bLoan.id,
    kind: 'DETERIORATION',
    description: '企业第一大客户终止合作，近两月营业收入下降约40%，预计到期还款存在困难。',
  });

  const guaranteed = await ctx.ds
    .getRepository(LoanEntity)
    .find({ where: { guarantorId: guarantorA.orgId }, order: { contractNo: 'ASC' }, take: 4 });
  for (const loan of guaranteed) await services.loans.acknowledge(guarantorA, loan.id);
};
