import { addDays, type IsoDate } from '@ipfund/policy';
import type { DemoStep } from '../steps';
import { collectionIn } from '../../modules/financials/financials.collection';
import { quarterOf } from '../../modules/report/report.period';

/** The figures an enterprise reports for a quarter: plausible, distinct per enterprise (Art 22). */
function figures(i: number) {
  const revenue = 2_400_000 + i * 730_000;
  return {
    revenue: `${revenue}.00`,
    netProfit: i % 4 === 3 ? `-${85_000 + i * 1_000}.00` : `${Math.round(revenue * 0.08)}.00`,
    totalAssets: `${18_000_000 + i * 2_100_000}.00`,
    totalLiabilities: `${9_500_000 + i * 900_000}.00`,
    rndSpending: `${Math.round(revenue * 0.11)}.00`,
    loanUse: [
      '用于专利技术产业化生产线建设',
      '用于研发人员薪酬及试验材料采购',
      '用于流动资金周转（原材料采购）',
    ][i % 3],
  };
}

/**
 * Operation reports (Art 6.6) and borrowers' statements (Art 22), through the real use cases: for
 * the last ended quarter, half of the enterprises that owe a statement submit it themselves (one
 * corrects it), the manager enters one on an enterprise's behalf and reminds one that is missing,
 * the others stay missing; then the manager issues that quarter's report, which two offices
 * acknowledge (the financial office's acknowledgement is left for its task list). The current
 * year's annual report stays a draft (computed live).
 */
export const reportsDemoStep: DemoStep = async ({ services, ds, today, actor }) => {
  const quarter = quarterOf(addDays(quarterOf(today).from, -1) as IsoDate);
  const manager = await actor('manager');
  const rows = await services.access.read(
    manager,
    async (scope) => (await collectionIn(scope, quarter)).rows,
  );
  const logins = (await ds.query(
    `SELECT e.id, u.username FROM enterprises e JOIN users u ON u.organization_id = e.organization_id`,
  )) as { id: string; username: string }[];
  const loginOf = new Map(logins.map((l) => [l.id, l.username]));
  for (const [i, row] of rows.entries()) {
    const input = { enterpriseId: row.enterpriseId, quarter: quarter.key, ...figures(i) };
    const username = loginOf.get(row.enterpriseId);
    if (i % 2 === 0 && username) {
      const enterprise = await actor(username);
      await services.financials.submit(enterprise, input);
      if (i === 0) {
        await services.financials.correct(
          enterprise,
          { ...input, revenue: `${Number(input.revenue.slice(0, -3)) + 125_000}.00` },
          '补充一笔季末确认的销售收入',
        );
      }
    } else if (i === 1) {
      await services.financials.submit(manager, input);
    } else if (i === 3) {
      await services.financials.remind(manager, row.enterpriseId, quarter.key, null);
    }
  }

  await services.reports.issue(manager, quarter.key);
  for (const office of ['ipb', 'finance']) {
    await services.reports.acknowledge(await actor(office), quarter.key, 1, '已收阅');
  }
  // The year under way is not issued: the portal computes it live and shows it as a draft (草稿).
};
