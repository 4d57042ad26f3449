import {
  createPdf,
  formatMoney,
  formatPercent,
  pdfChart,
  pdfFields,
  pdfHeading,
  pdfTable,
  pdfText,
  pdfTitle,
  toBuffer,
} from '../../export/pdf';
import { sheet, writeXlsx } from '../../export/xlsx';
import type { FundReportContent, LoanGroup } from './report.compute';
import { CLAIM_STATUS_ZH, RISK_LEVEL_ZH, SUPERVISION_KIND_ZH, articleZh, zh } from './report.labels';
import type { FundReportView } from './report.service';

/**
 * The operation report as files (Art 6.6): xlsx (one table per sheet, money as numbers) and PDF
 * (Chinese, the CJK font embedded, tables and a chart). Both are written from the same view the
 * GraphQL query answers — the frozen version when issued, the live figures marked 草稿 otherwise.
 */

export const REPORT_TITLE = '知识产权质押融资风险补偿资金运营情况报告';

/** 草稿 / 第 2 版（已印发） — printed on both files. */
export function statusMarking(view: FundReportView): string {
  return view.status === 'DRAFT' ? '草稿（未印发）' : `第 ${view.version} 版（已印发）`;
}

/** The money lines of the report, in print order, with the article each rests on. */
export function moneyLines(c: FundReportContent): { label: string; amount: string; article: string }[] {
  const a = c.articles;
  return [
    { label: '期初本金余额', amount: c.balances.principalOpening, article: a.fundUse },
    { label: '期末本金余额', amount: c.balances.principalClosing, article: a.fundUse },
    { label: '期初利息子账户余额', amount: c.balances.interestOpening, article: a.interest },
    { label: '期末利息子账户余额', amount: c.balances.interestClosing, article: a.interest },
    { label: '期初应收追偿返还款', amount: c.balances.recoveriesReceivableOpening, article: a.recovery },
    { label: '期末应收追偿返还款', amount: c.balances.recoveriesReceivableClosing, article: a.recovery },
    { label: '本期财政出资', amount: c.flows.capitalReceived, article: a.capital },
    { label: '本期风险补偿支出', amount: c.flows.compensationPaid, article: a.fundUse },
    { label: '本期确认追偿返还', amount: c.flows.recoveriesRecognised, article: a.recovery },
    { label: '本期收到追偿返还款', amount: c.flows.recoveriesReceived, article: a.recovery },
    { label: '本期利息收入', amount: c.flows.interestIncome, article: a.interest },
    { label: '本期相关成本费用', amount: c.flows.programmeCosts, article: a.interest },
    { label: '本期返还出资人', amount: c.flows.returnedToFunder, article: a.fundUse },
    { label: '逾期未返还追偿款', amount: c.recoveriesOverdue.amount, article: a.recovery },
    { label: '期末累计代偿（熔断口径）', amount: c.breaker.cumulativeAtEnd, article: a.breaker },
    { label: '熔断阈值', amount: c.breaker.threshold, article: a.breaker },
    { label: '距熔断剩余额度', amount: c.breaker.remaining, article: a.breaker },
  ];
}

const groupRow = (g: LoanGroup) => [
  g.name,
  String(g.coveredInPeriod.count),
  formatMoney(g.coveredInPeriod.principal),
  formatMoney(g.coveredInPeriod.ipPledged),
  String(g.outstandingAtEnd.count),
  formatMoney(g.outstandingAtEnd.outstanding),
  formatMoney(g.outstandingAtEnd.ipPledged),
];

const GROUP_COLUMNS = (who: string) => [
  { header: who, weight: 2.2 },
  { header: '本期新增笔数', weight: 0.8, align: 'right' as const },
  { header: '本期新增本金', weight: 1.4, align: 'right' as const },
  { header: '其中知识产权质押', weight: 1.4, align: 'right' as const },
  { header: '期末在贷笔数', weight: 0.8, align: 'right' as const },
  { header: '期末贷款余额', weight: 1.4, align: 'right' as const },
  { header: '其中知识产权质押', weight: 1.4, align: 'right' as const },
];

export async function fundReportXlsx(view: FundReportView): Promise<Buffer> {
  const c = view.content;
  const groups = (name: string, who: string, list: LoanGroup[]) =>
    sheet({
      name,
      columns: [
        { header: who, kind: 'text', value: (g: LoanGroup) => g.name, width: 30 },
        { header: '本期新增笔数', kind: 'integer', value: (g) => g.coveredInPeriod.count },
        { header: '本期新增本金', kind: 'money', value: (g) => g.coveredInPeriod.principal },
        { header: '本期新增知识产权质押部分', kind: 'money', value: (g) => g.coveredInPeriod.ipPledged },
        { header: '期末在贷笔数', kind: 'integer', value: (g) => g.outstandingAtEnd.count },
        { header: '期末贷款余额', kind: 'money', value: (g) => g.outstandingAtEnd.outstanding },
        { header: '期末知识产权质押部分', kind: 'money', value: (g) => g.outstandingAtEnd.ipPledged },
      ],
      rows: list,
    });
  const latest = view.versions.at(-1);
  const info: [string, string][] = [
    ['报告', REPORT_TITLE],
    ['报告期', `${c.periodLabel}（${c.from} 至 ${c.to}）`],
    ['状态', statusMarking(view)],
    ['数据截至', c.asOf],
    ['计算日期', c.computedOn],
    ['依据', `${articleZh(c.articles.report)}（${c.policyId}）`],
    ...(latest
      ? ([
          ['印发日期', latest.issuedOn],
          ['印发人', latest.issuedByName],
          ['内容哈希 (sha256)', latest.contentHash],
          ...(latest.reason ? ([['更正理由', latest.reason]] as [string, string][]) : []),
        ] as [string, string][])
      : []),
  ];
  type Sup = { group: string; on: string; subject: string; kind: string; comment: string };
  const supervision: Sup[] = [
    ...c.supervision.warnings.map((s) => ({ group: '银行通知', ...s })),
    ...c.supervision.suspensions.map((s) => ({ group: '暂停业务', ...s })),
    ...c.supervision.blacklist.map((s) => ({ group: '黑名单', ...s })),
  ];
  return writeXlsx(
    [
      sheet({
        name: '报告信息',
        columns: [
          { header: '项目', kind: 'text', value: (r: [string, string]) => r[0], width: 20 },
          { header: '内容', kind: 'text', value: (r) => r[1], width: 70 },
        ],
        rows: info,
      }),
      sheet({
        name: '资金概况',
        columns: [
          {
            header: '项目',
            kind: 'text',
            value: (r: ReturnType<typeof moneyLines>[number]) => r.label,
            width: 28,
          },
          { header: '金额（元）', kind: 'money', value: (r) => r.amount },
          { header: '依据', kind: 'text', value: (r) => articleZh(r.article), width: 14 },
        ],
        rows: moneyLines(c),
      }),
      groups('按合作银行', '合作银行', [...c.loans.byBank, c.loans.total]),
      groups('按担保机构', '合作保险（担保）机构', c.loans.byGuarantor),
      sheet({
        name: '逾期与风险',
        columns: [
          {
            header: '合作银行',
            kind: 'text',
            value: (r: FundReportContent['riskByBank'][number]) => r.name,
            width: 30,
          },
          { header: '纳入补偿贷款笔数', kind: 'integer', value: (r) => r.coveredLoans },
          { header: '期末贷款余额', kind: 'money', value: (r) => r.outstanding },
          { header: '逾期笔数', kind: 'integer', value: (r) => r.overdueLoans },
          { header: '逾期余额', kind: 'money', value: (r) => r.overdueAmount },
          { header: '逾期率', kind: 'percent', value: (r) => r.overdueRatio },
          { header: '风险比例', kind: 'percent', value: (r) => r.riskRatio },
          { header: '风险等级', kind: 'text', value: (r) => zh(RISK_LEVEL_ZH, r.riskLevel) },
        ],
        rows: c.riskByBank,
      }),
      sheet({
        name: '代偿申请',
        columns: [
          {
            header: '状态（期末）',
            kind: 'text',
            value: (r: FundReportContent['claims']['byStatus'][number]) => zh(CLAIM_STATUS_ZH, r.status),
          },
          { header: '笔数', kind: 'integer', value: (r) => r.count },
          { header: '损失基数', kind: 'money', value: (r) => r.lossBase },
          { header: '资金补偿金额', kind: 'money', value: (r) => r.fundShare },
        ],
        rows: c.claims.byStatus,
      }),
      sheet({
        name: '监管事项',
        columns: [
          { header: '类别', kind: 'text', value: (r: Sup) => r.group },
          { header: '日期', kind: 'date', value: (r) => r.on },
          { header: '对象', kind: 'text', value: (r) => r.subject, width: 30 },
          { header: '事项', kind: 'text', value: (r) => zh(SUPERVISION_KIND_ZH, r.kind) },
          { header: '说明', kind: 'text', value: (r) => r.comment, width: 50 },
        ],
        rows: supervision,
      }),
      sheet({
        name: '季度代偿',
        columns: [
          { header: '季度', kind: 'text', value: (r: { quarter: string; amount: string }) => r.quarter },
          { header: '风险补偿支出', kind: 'money', value: (r) => r.amount },
        ],
        rows: c.compensationByQuarter,
      }),
      sheet({
        name: '企业财务报表',
        columns: [
          { header: '季度', kind: 'text', value: (r: FundReportContent['financials'][number]) => r.quarter },
          { header: '应报企业数', kind: 'integer', value: (r) => r.expected },
          { header: '已报送', kind: 'integer', value: (r) => r.submitted },
          { header: '未报送', kind: 'integer', value: (r) => r.missing },
          { header: '未报送企业', kind: 'text', value: (r) => r.missingEnterprises.join('、'), width: 60 },
        ],
        rows: c.financials,
      }),
    ],
    { title: `${REPORT_TITLE} ${c.periodLabel}` },
  );
}

export async function fundReportPdf(view: FundReportView): Promise<Buffer> {
  const c = view.content;
  const draft = view.status === 'DRAFT';
  const latest = view.versions.at(-1);
  const doc = createPdf({
    title: `${REPORT_TITLE} ${c.periodLabel}`,
    watermark: draft ? '草稿' : undefined,
    footer: `${c.periodLabel} · ${statusMarking(view)}`,
  });
  pdfTitle(doc, REPORT_TITLE, `${c.periodLabel}（${c.from} 至 ${c.to}） · ${statusMarking(view)}`);
  pdfFields(doc, [
    ['依据', `管理办法${articleZh(c.articles.report)}：按要求报送资金季度和年度运营情况报告`],
    ['数据截至', c.asOf],
    ...(latest
      ? ([
          ['印发', `${latest.issuedOn} · ${latest.issuedByName}`],
          ['内容哈希', latest.contentHash],
          ...(latest.reason ? ([['更正理由', latest.reason]] as [string, string][]) : []),
          [
            '各部门确认',
            latest.acknowledgements.length
              ? latest.acknowledgements
                  .map((a) => `${a.orgName} ${a.userName} ${a.acknowledgedOn}`)
                  .join('；')
              : '尚无',
          ],
        ] as [string, string][])
      : ([['说明', '本报告尚未印发，数字为实时计算结果，仅供参考。']] as [string, string][])),
  ]);

  pdfHeading(doc, '一、资金收支与余额');
  pdfTable(
    doc,
    [
      { header: '项目', weight: 2 },
      { header: '金额（元）', weight: 1.4, align: 'right' },
      { header: '依据', weight: 0.8 },
    ],
    moneyLines(c).map((l) => [l.label, formatMoney(l.amount), articleZh(l.article)]),
  );
  pdfChart(doc, {
    title: `${c.periodLabel.slice(0, 5)}各季度风险补偿支出（元）`,
    data: c.compensationByQuarter.map((q) => ({ label: q.quarter, value: q.amount })),
    valueLabel: formatMoney,
  });

  pdfHeading(doc, '二、纳入补偿的贷款（按合作银行）');
  pdfTable(doc, GROUP_COLUMNS('合作银行'), [...c.loans.byBank, c.loans.total].map(groupRow), { fontSize: 8 });
  pdfHeading(doc, '三、纳入补偿的贷款（按合作保险（担保）机构）');
  pdfTable(doc, GROUP_COLUMNS('担保机构'), c.loans.byGuarantor.map(groupRow), { fontSize: 8 });

  pdfHeading(doc, `四、逾期与风险比例（期末，${articleZh(c.articles.risk)}）`);
  pdfTable(
    doc,
    [
      { header: '合作银行', weight: 2 },
      { header: '贷款笔数', weight: 0.7, align: 'right' },
      { header: '期末余额', weight: 1.3, align: 'right' },
      { header: '逾期笔数', weight: 0.7, align: 'right' },
      { header: '逾期余额', weight: 1.3, align: 'right' },
      { header: '逾期率', weight: 0.8, align: 'right' },
      { header: '风险比例', weight: 0.8, align: 'right' },
      { header: '等级', weight: 1 },
    ],
    c.riskByBank.map((r) => [
      r.name,
      String(r.coveredLoans),
      formatMoney(r.outstanding),
      String(r.overdueLoans),
      formatMoney(r.overdueAmount),
      formatPercent(r.overdueRatio),
      formatPercent(r.riskRatio),
      zh(RISK_LEVEL_ZH, r.riskLevel),
    ]),
    { fontSize: 8 },
  );

  pdfHeading(doc, '五、代偿申请（期末状态）');
  pdfTable(
    doc,
    [
      { header: '状态', weight: 1.5 },
      { header: '笔数', weight: 0.6, align: 'right' },
      { header: '损失基数', weight: 1.3, align: 'right' },
      { header: '资金补偿金额', weight: 1.3, align: 'right' },
    ],
    c.claims.byStatus.map((s) => [
      zh(CLAIM_STATUS_ZH, s.status),
      String(s.count),
      formatMoney(s.lossBase),
      formatMoney(s.fundShare),
    ]),
  );
  pdfText(
    doc,
    `本期新提交 ${c.claims.filed.count} 笔；本期终审批准 ${c.claims.approved.count} 笔，金额 ${formatMoney(c.claims.approved.fundShare)} 元；` +
      `本期支付 ${c.claims.paid.count} 笔，金额 ${formatMoney(c.claims.paid.fundShare)} 元。`,
  );
  pdfText(
    doc,
    `熔断（${articleZh(c.articles.breaker)}）：期末累计代偿 ${formatMoney(c.breaker.cumulativeAtEnd)} 元，阈值 ${formatMoney(c.breaker.threshold)} 元，` +
      `${c.breaker.reached ? '已达到，新增代偿业务暂停' : `距阈值尚余 ${formatMoney(c.breaker.remaining)} 元`}。`,
  );

  pdfHeading(doc, '六、监管事项');
  const sup = [
    ...c.supervision.warnings.map((s) => ['银行通知', s]),
    ...c.supervision.suspensions.map((s) => ['暂停业务', s]),
    ...c.supervision.blacklist.map((s) => ['黑名单', s]),
  ] as [string, FundReportContent['supervision']['warnings'][number]][];
  pdfTable(
    doc,
    [
      { header: '类别' },
      { header: '日期' },
      { header: '对象', weight: 1.6 },
      { header: '事项' },
      { header: '说明', weight: 2.4 },
    ],
    sup.map(([g, s]) => [g, s.on, s.subject, zh(SUPERVISION_KIND_ZH, s.kind), s.comment]),
    { fontSize: 8 },
  );

  pdfHeading(doc, '七、贷款企业季度财务报表收集情况');
  pdfTable(
    doc,
    [
      { header: '季度' },
      { header: '应报', align: 'right' },
      { header: '已报送', align: 'right' },
      { header: '未报送', align: 'right' },
      { header: '未报送企业', weight: 3 },
    ],
    c.financials.map((f) => [
      f.quarter,
      String(f.expected),
      String(f.submitted),
      String(f.missing),
      f.missingEnterprises.join('、'),
    ]),
  );
  return toBuffer(doc);
}

/** File name of a download: 资金运营情况报告_2026-Q4_草稿.pdf / …_第2版.xlsx. */
export function fundReportFileName(view: FundReportView, ext: 'xlsx' | 'pdf'): string {
  const mark = view.status === 'DRAFT' ? '草稿' : `第${view.version}版`;
  return `资金运营情况报告_${view.period}_${mark}.${ext}`;
}
