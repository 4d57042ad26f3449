import { Money, Rate, compareDates, type IsoDate } from '@ipfund/policy';
import type { DemoStep } from '../steps';

/** Art 7: the demo deposit bank holding the special account and its interest sub-account. */
export const DEMO_DEPOSIT_BANK = {
  bankName: '中国建设银行重庆江北支行',
  principalAccountNo: '50050108360000002024',
  interestAccountNo: '50050108360000002024-02',
} as const;

/** Quarterly interest: 1.15 % a year on the principal balance, credited on the 21st after each quarter's settlement. */
const QUARTERLY_RATE = Rate.of('0.002875');

/** Programme costs paid from interest (Art 10); the last one was entered by mistake and is reversed. */
const DEMO_COSTS: { paidOn: IsoDate; amount: string; memo: string; mistaken?: string }[] = [
  { paidOn: '2024-09-30', amount: '1200.00', memo: '资金专户开户及网上银行服务费' },
  { paidOn: '2025-01-20', amount: '18000.00', memo: '2024年度风险补偿资金专项审计费（第二十条）' },
  { paidOn: '2025-07-15', amount: '12500.00', memo: '贷后跟踪监测系统运维费（第六条）' },
  {
    paidOn: '2025-11-10',
    amount: '3600.00',
    memo: '合作机构座谈会会务费',
    mistaken: '与第 2025-11 期会务费重复录入',
  },
];

function quarterlyInterestDates(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const month of ['03', '06', '09', '12']) {
      const d = `${year}-${month}-21` as IsoDate;
      if (compareDates(d, from) > 0 && compareDates(d, to) <= 0) out.push(d);
    }
  }
  return out;
}

/**
 * The fund ledger: the initial capital (Art 3), the deposit bank (Art 7), the interest the special
 * account earned each quarter and the programme costs paid from it (Art 10), and one correction by
 * reversal. Through the real use cases, as the fund manager.
 */
export const ledgerDemoStep: DemoStep = async ({ services, ds, today, actor }) => {
  const setUp = await services.ledger.ensureFundSetUp();
  const manager = await actor('manager');
  await services.ledger.setDepositBank(manager, DEMO_DEPOSIT_BANK);

  const events: { date: IsoDate; run: () => Promise<void> }[] = [];
  for (const date of quarterlyInterestDates(setUp.businessDate, today)) {
    events.push({
      date,
      run: async () => {
        const { principal } = await services.ledger.balances(ds.manager);
        await services.ledger.recordInterestIncome(manager, {
          amount: principal.times(QUARTERLY_RATE).toString(),
          receivedOn: date,
          memo: `${date.slice(0, 7)} 季度结息（专户本金 ${principal.toString()} 元）`,
          idempotencyKey: `demo:interest:${date}`,
        });
      },
    });
  }
  for (const cost of DEMO_COSTS.filter((c) => compareDates(c.paidOn, today) <= 0)) {
    events.push({
      date: cost.paidOn,
      run: async () => {
        const posted = await services.ledger.recordProgrammeCost(manager, {
          amount: Money.of(cost.amount).toString(),
          paidOn: cost.paidOn,
          memo: cost.memo,
          idempotencyKey: `demo:cost:${cost.paidOn}`,
        });
        if (cost.mistaken) {
          await services.ledger.reverseLedgerTransaction(
            manager,
            posted.id,
            cost.mistaken,
            `demo:reverse:${cost.paidOn}`,
          );
        }
      },
    });
  }
  events.sort((a, b) => compareDates(a.date, b.date));
  for (const e of events) await e.run();
};
