import { Alert, Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import type { ClaimDetail, KnownClaimAction } from './claims.graphql';
import { Money } from './Money';
import { articleLabel, formatRate } from './policyText';
import { coSignProgress } from './progress';

type Items = NonNullable<DescriptionsProps['items']>;

/** What the step decides, shown before the user confirms it. */
export function ClaimActionFacts({ action, claim }: { action: KnownClaimAction; claim: ClaimDetail }) {
  const policy = usePolicy();
  const note = policy ? noteFor(action, claim, policy) : null;
  return (
    <>
      {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={itemsFor(action, claim)}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}

/** "（第17条 / Art 17）" for an article of the policy in force; nothing when it has none. */
function cite(article: string | undefined): string {
  return article ? `（${articleLabel(article)}）` : '';
}

function noteFor(action: KnownClaimAction, claim: ClaimDetail, policy: Policy): string | null {
  const offices = policy.coSigningOffices;
  switch (action) {
    case 'CONFIRM_GUARANTOR_SHARE':
      return `三方贷款由担保机构按合作协议约定的比例（不低于 ${formatRate(policy.minGuarantorRate.value)}）分担本金损失${cite(policy.minGuarantorRate.article)}；确认后由资金管理人核实。`;
    case 'RESUBMIT':
      return '重新提交时按当日贷款余额与逾期情况重新计算补偿金额。';
    case 'RETURN':
      return claim.threeParty
        ? '退回后由银行补充材料并重新提交，担保机构需重新确认分担。'
        : '退回后由银行补充材料并重新提交。';
    case 'APPROVE': {
      const progress = coSignProgress(claim.approvals, offices.value);
      return progress.done === progress.total - 1
        ? `本次为最后一个会签，即终审批准；补偿资金 F 按终审当日重新计算并计入累计补偿${cite(policy.circuitBreakerCumulative.article)}。`
        : `会签，当前进度 ${progress.text}${cite(offices.article)}。`;
    }
    case 'REJECT':
      return `驳回将终止本申请${cite(provisionArticle(policy, 'claimProcedure'))}。`;
    case 'PAY':
      return '确认后从风险补偿资金专户本金中拨付补偿资金 F；重复提交不会重复支付。';
    default:
      return null;
  }
}

function itemsFor(action: KnownClaimAction, claim: ClaimDetail): Items {
  const b = { key: 'b', label: '损失基数 B', children: <Money value={claim.lossBase} /> };
  const f = { key: 'f', label: '补偿资金 F', children: <Money value={claim.fundShare} /> };
  const g = { key: 'g', label: '担保分担 G', children: <Money value={claim.guarantorShare} /> };
  const k = { key: 'k', label: '银行承担 K', children: <Money value={claim.bankShare} /> };
  switch (action) {
    case 'CONFIRM_GUARANTOR_SHARE':
      return [
        b,
        { key: 'rate', label: '担保分担比例 g', children: formatRate(claim.filing.guarantorRate) },
        g,
        { key: 'loan', label: '贷款', children: `${claim.loan.contractNo} · ${claim.loan.enterpriseName}` },
      ];
    case 'PAY':
      return [
        f,
        { key: 'bank', label: '收款银行', children: claim.loan.bankName },
        { key: 'approvedOn', label: '终审批准日', children: claim.approvedOn ?? '—' },
      ];
    default:
      return claim.threeParty ? [b, f, g, k] : [b, f, k];
  }
}
