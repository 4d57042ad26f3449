import type { Actor } from '../../authz/actor';
import { isUuid } from '../../common/ids';
import {
  createPdf,
  formatMoney,
  formatPercent,
  pdfFields,
  pdfHeading,
  pdfTable,
  pdfText,
  pdfTitle,
  toBuffer,
} from '../../export/pdf';
import type { Services } from '../../services';
import type { StoredComputation } from '../claim/claim.entity';
import { CLAIM_STATUS_ZH, ORG_KIND_ZH, articleZh, zh } from './report.labels';

/**
 * The printable approval form of a claim (会签单, issue 11): the B/F/G/K computation with the article
 * of each figure, the manager's verification and each co-signing office's signature (who, when),
 * for the offices' files. Every figure and article is the claim's stored computation — the one the
 * workflow decided on (the final one once approved) — never a second calculation. Read through the
 * caller's claim scope: who cannot read the claim gets null (404), like a claim that does not exist.
 */

const articleOf = (c: StoredComputation, ...codes: string[]) =>
  articleZh(c.reasons.find((r) => codes.includes(r.code))?.article ?? '');

export async function approvalFormPdf(
  services: Services,
  actor: Actor,
  claimId: string,
): Promise<{ fileName: string; content: Buffer } | null> {
  if (!isUuid(claimId)) return null;
  const data = await services.access.read(actor, async (scope) => {
    const claim = await scope.claims().andWhere('claim.id = :id', { id: claimId }).getOne();
    if (!claim) return null;
    const events = await services.claims.eventsOf(scope, [claim.id]);
    const [loan] = await services.claims.loansOf(scope, [claim.loanId]);
    return {
      claim,
      events,
      loan,
      offices: scope.policy.coSigningOffices.value,
      coSignArticle: scope.policy.coSigningOffices.article,
      policyId: scope.policy.id,
    };
  });
  if (!data) return null;
  const { claim, events, loan, offices } = data;
  const comp = claim.finalComputation ?? claim.computation;
  const final = claim.finalComputation !== null;

  const doc = createPdf({
    title: `风险补偿资金代偿会签单 ${loan?.contractNo ?? claim.id}`,
    footer: `会签单 · ${loan?.contractNo ?? ''} · 状态：${zh(CLAIM_STATUS_ZH, claim.status)}`,
  });
  pdfTitle(doc, '知识产权质押融资风险补偿资金代偿会签单', `申请编号 ${claim.id}`);
  pdfFields(doc, [
    ['贷款企业', loan?.enterpriseName ?? ''],
    ['合作贷款银行', loan?.bankName ?? ''],
    ['合作保险（担保）机构', loan?.guarantorName ?? '无（两方贷款）'],
    ['借款合同编号', loan?.contractNo ?? ''],
    [
      '贷款本金 / 其中知识产权质押',
      `${formatMoney(loan?.principal)} 元 / ${formatMoney(loan?.ipPledgedPrincipal)} 元`,
    ],
    ['申请日期 / 逾期天数', `${claim.filedOn} / ${claim.overdueDaysAtFiling} 天`],
    ['申请时未偿本金', `${formatMoney(claim.outstandingPrincipal)} 元`],
    ['当前状态', zh(CLAIM_STATUS_ZH, claim.status)],
    ['测算依据', `${final ? '终审批准时测算' : '申请时测算'}（${comp.asOf}，${data.policyId}）`],
  ]);

  pdfHeading(doc, '一、补偿金额测算');
  const tierRate = formatPercent(comp.tierCapRate);
  pdfTable(
    doc,
    [
      { header: '项目', weight: 2.2 },
      { header: '金额 / 比例', weight: 1.3, align: 'right' },
      { header: '依据', weight: 1 },
    ],
    [
      [
        '损失基数 B = 未偿本金 × 质押部分 ÷ 本金',
        `${formatMoney(comp.lossBase)} 元`,
        articleOf(comp, 'LOSS_BASE'),
      ],
      [
        `档位上限（${comp.tier === 'LOW' ? '低档' : '高档'}）`,
        tierRate,
        articleOf(comp, 'LOW_TIER', 'HIGH_TIER'),
      ],
      ['资金补偿比例 f', formatPercent(comp.fundRate), articleOf(comp, 'FUND_RATE')],
      ['F0 = B × f', `${formatMoney(comp.fundShareBeforeCaps)} 元`, articleOf(comp, 'FUND_RATE')],
      [
        '单笔上限后 F1',
        `${formatMoney(comp.fundShareAfterLoanCap)} 元`,
        articleOf(comp, 'PER_LOAN_CAP', 'FUND_RATE'),
      ],
      [
        '资金补偿 F（含企业年度上限）',
        `${formatMoney(comp.fundShare)} 元`,
        articleOf(comp, 'ENTERPRISE_YEAR_CAP', 'PER_LOAN_CAP', 'FUND_RATE'),
      ],
      [
        `担保机构分担 G${comp.guarantorRate ? `（${formatPercent(comp.guarantorRate)}）` : ''}`,
        `${formatMoney(comp.guarantorShare)} 元`,
        articleOf(comp, 'GUARANTOR_SHARE', 'TWO_PARTY'),
      ],
      ['银行承担 K = B − F − G', `${formatMoney(comp.bankShare)} 元`, articleOf(comp, 'BANK_SHARE')],
    ],
  );
  pdfText(doc, '测算说明（逐项依据）：', { size: 9 });
  pdfTable(
    doc,
    [
      { header: '条款', weight: 0.7 },
      { header: '说明', weight: 4 },
    ],
    comp.reasons.map((r) => [articleZh(r.article), r.message]),
    { fontSize: 8 },
  );

  const last = (action: string, kind?: string) =>
    [...events].reverse().find((e) => e.action === action && (!kind || e.orgKind === kind));
  pdfHeading(doc, '二、资金管理人核实');
  const verify = last('VERIFY');
  pdfFields(doc, [
    ['核实单位', verify ? verify.orgName : '待核实'],
    ['核实人', verify ? verify.userDisplayName : ''],
    ['核实日期', verify ? verify.businessDate : ''],
    ['核实意见', verify?.comment ?? ''],
  ]);

  pdfHeading(doc, `三、会签（${articleZh(data.coSignArticle)}）`);
  pdfTable(
    doc,
    [
      { header: '会签单位', weight: 2.2 },
      { header: '意见', weight: 0.6 },
      { header: '签署人', weight: 1.7 },
      { header: '日期', weight: 1 },
      { header: '备注', weight: 1.5 },
    ],
    offices.map((kind) => {
      const signed = last('APPROVE', kind);
      const rejected = last('REJECT', kind);
      const e = signed ?? rejected;
      return [
        e?.orgName ?? zh(ORG_KIND_ZH, kind),
        signed ? '同意' : rejected ? '不同意' : '待签署',
        e?.userDisplayName ?? '',
        e?.businessDate ?? '',
        e?.comment ?? '',
      ];
    }),
  );
  const paid = last('PAY');
  if (paid) {
    pdfText(
      doc,
      `支付：${paid.businessDate} 由 ${paid.orgName} ${paid.userDisplayName} 记录支付 ${formatMoney(comp.fundShare)} 元。`,
    );
  }
  return { fileName: `代偿会签单_${loan?.contractNo ?? claim.id}.pdf`, content: await toBuffer(doc) };
}
