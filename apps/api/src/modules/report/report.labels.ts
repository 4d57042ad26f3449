import { formatArticle } from '@ipfund/shared';

/** Chinese words for the codes a report or form prints (the web has the same words in its own files). */

export const CLAIM_STATUS_ZH: Readonly<Record<string, string>> = {
  SUBMITTED: '已提交',
  RETURNED: '已退回补正',
  GUARANTOR_CONFIRMED: '担保机构已确认',
  VERIFIED: '资金管理人已核实',
  APPROVED: '已批准待支付',
  PAID: '已支付',
  REJECTED: '已否决',
};

export const RISK_LEVEL_ZH: Readonly<Record<string, string>> = {
  NONE: '正常',
  WARNING: '达到预警线',
  SUSPENSION_PROPOSED: '达到暂停线',
};

export const SUPERVISION_KIND_ZH: Readonly<Record<string, string>> = {
  WARNING: '警示通知',
  SUSPENSION: '暂停业务通知',
  SUSPENSION_LIFTED: '恢复业务通知',
  PROPOSED: '提议暂停',
  CONSENTED: '同意暂停',
  DECLINED: '不同意',
  APPROVED: '列入黑名单',
  PENDING: '待决定',
};

export const ORG_KIND_ZH: Readonly<Record<string, string>> = {
  IP_BUREAU: '区知识产权局',
  FINANCE_BUREAU: '区财政局',
  FINANCIAL_OFFICE: '区金融办',
  FUND_MANAGER: '资金管理人',
  LENDING_BANK: '合作贷款银行',
  GUARANTOR: '合作保险（担保）机构',
  ENTERPRISE: '贷款企业',
  AUDITOR: '会计师事务所',
};

/** The article as a Chinese reader cites it ("Art 6.6" → 第六条第六款), by the one helper the web uses too. */
export function articleZh(article: string | null | undefined): string {
  return article ? formatArticle(article, 'zh-CN') : '';
}

export const zh = (map: Readonly<Record<string, string>>, code: string): string => map[code] ?? code;
