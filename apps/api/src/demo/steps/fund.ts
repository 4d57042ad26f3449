import { yearOf } from '@ipfund/policy';
import type { DemoStep } from '../steps';

/**
 * The fund's governance (Art 3, 5, 6.5): a capital contribution the finance bureau recorded this
 * year, and the manager's work plan for the demo year, approved by the three offices. Through the
 * real use cases.
 */
export const fundDemoStep: DemoStep = async ({ services, today, actor }) => {
  const year = yearOf(today);
  const finance = await actor('finance');
  await services.fundGovernance.recordContribution(finance, {
    amount: '2000000.00',
    contributedOn: `${year}-03-16`,
    documentRef: `江北财预〔${year}〕16号`,
    memo: '区财政追加知识产权质押融资风险补偿资金',
    idempotencyKey: `demo-contribution-${year}-1`,
  });
  const manager = await actor('manager');
  const plan = await services.fundGovernance.submitAnnualPlan(manager, {
    year,
    title: `${year}年度知识产权质押融资风险补偿资金工作计划`,
    summary:
      '一、新增合作银行1家、合作担保机构1家；二、全年知识产权质押融资新增规模2亿元，服务企业100家；' +
      '三、逾期15天以上贷款按周跟踪，风险比例达5%即发预警通知；四、季度运营报告于季后15日内报送三部门。',
    plannedLoanVolume: '200000000.00',
    plannedCompensation: '3000000.00',
    plannedEnterprises: 100,
  });
  for (const office of ['ipb', 'finance', 'fo']) {
    await services.fundGovernance.approveAnnualPlan(await actor(office), plan.id, '同意');
  }
};
