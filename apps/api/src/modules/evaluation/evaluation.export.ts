import { sheet, writeXlsx } from '../../export/xlsx';
import type { EvaluationEntryRow, EvaluationRoundRow } from './evaluation.service';

const KIND: Record<string, string> = { LENDING_BANK: '合作银行', GUARANTOR: '担保机构' };

/**
 * A half year's evaluation as the caller may see it (Art 23): one row per partner with the
 * measured indicators, the score per criterion, the total and — for the offices, the manager and
 * the auditor — the rank; a partner's file holds its own row only. Rates are written as percentages.
 */
export function evaluationXlsx(round: EvaluationRoundRow): Promise<Buffer> {
  const s = (e: EvaluationEntryRow, c: string) =>
    e.measuredScores[c as keyof typeof e.measuredScores] ?? null;
  return writeXlsx(
    [
      sheet<EvaluationEntryRow>({
        name: `${round.half} 绩效评价`,
        rows: round.entries,
        columns: [
          { header: '排名', kind: 'integer', value: (e) => e.rank },
          { header: '机构', kind: 'text', value: (e) => e.partnerName, width: 30 },
          { header: '类型', kind: 'text', value: (e) => KIND[e.partnerKind] ?? e.partnerKind },
          { header: '贷款笔数', kind: 'integer', value: (e) => e.indicators.loansGranted },
          { header: '贷款金额', kind: 'money', value: (e) => e.indicators.amountGranted },
          { header: '获贷企业数', kind: 'integer', value: (e) => e.indicators.enterprises },
          { header: '首贷企业数', kind: 'integer', value: (e) => e.indicators.firstTimeBorrowers },
          { header: '获贷企业比例', kind: 'percent', value: (e) => e.indicators.loanShare },
          { header: '登记及时率', kind: 'percent', value: (e) => e.indicators.registrationTimeliness },
          { header: '返还及时率', kind: 'percent', value: (e) => e.indicators.remittanceTimeliness },
          { header: '逾期率', kind: 'percent', value: (e) => e.indicators.overdueRate },
          { header: '代偿率', kind: 'percent', value: (e) => e.indicators.compensationRate },
          { header: '产品创新', kind: 'text', value: (e) => e.innovationScore },
          { header: '贷款授信额度', kind: 'text', value: (e) => s(e, 'creditGranted') },
          { header: '获贷企业比例得分', kind: 'text', value: (e) => s(e, 'enterpriseReach') },
          { header: '贷款效率', kind: 'text', value: (e) => s(e, 'loanEfficiency') },
          { header: '资产质量', kind: 'text', value: (e) => s(e, 'assetQuality') },
          { header: '工作成效', kind: 'text', value: (e) => e.effectivenessScore },
          { header: '总分', kind: 'text', value: (e) => e.totalScore },
        ],
      }),
    ],
    { title: `${round.half} 合作机构绩效评价（${round.status === 'SUBMITTED' ? '已报送' : '草稿'}）` },
  );
}
