import { Alert, Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const policy = usePolicy();
  const note = policy ? noteFor(t, action, claim, policy) : null;
  return (
    <>
      {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={itemsFor(t, action, claim)}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}

function noteFor(t: TFunction, action: KnownClaimAction, claim: ClaimDetail, policy: Policy): string | null {
  /** "（第十七条）" / " (Art 17)" for an article of the policy in force; nothing when it has none. */
  const cite = (article: string | undefined) =>
    article ? t('claims.common.cite', { article: articleLabel(article) }) : '';
  const offices = policy.coSigningOffices;
  switch (action) {
    case 'CONFIRM_GUARANTOR_SHARE':
      return t('claims.facts.confirmShare', {
        rate: formatRate(policy.minGuarantorRate.value),
        cite: cite(policy.minGuarantorRate.article),
      });
    case 'RESUBMIT':
      return t('claims.facts.resubmit');
    case 'RETURN':
      return claim.threeParty ? t('claims.facts.returnThreeParty') : t('claims.facts.returnTwoParty');
    case 'APPROVE': {
      const progress = coSignProgress(claim.approvals, offices.value);
      return progress.done === progress.total - 1
        ? t('claims.facts.approveFinal', { cite: cite(policy.circuitBreakerCumulative.article) })
        : t('claims.facts.approve', { progress: progress.text, cite: cite(offices.article) });
    }
    case 'REJECT':
      return t('claims.facts.reject', { cite: cite(provisionArticle(policy, 'claimProcedure')) });
    case 'PAY':
      return t('claims.facts.pay');
    default:
      return null;
  }
}

function itemsFor(t: TFunction, action: KnownClaimAction, claim: ClaimDetail): Items {
  const b = { key: 'b', label: t('claims.figure.lossBase'), children: <Money value={claim.lossBase} /> };
  const f = { key: 'f', label: t('claims.figure.fundShare'), children: <Money value={claim.fundShare} /> };
  const g = {
    key: 'g',
    label: t('claims.figure.guarantorShare'),
    children: <Money value={claim.guarantorShare} />,
  };
  const k = { key: 'k', label: t('claims.figure.bankShare'), children: <Money value={claim.bankShare} /> };
  switch (action) {
    case 'CONFIRM_GUARANTOR_SHARE':
      return [
        b,
        {
          key: 'rate',
          label: t('claims.facts.guarantorRate'),
          children: formatRate(claim.filing.guarantorRate),
        },
        g,
        {
          key: 'loan',
          label: t('claims.facts.loan'),
          children: `${claim.loan.contractNo} · ${claim.loan.enterpriseName}`,
        },
      ];
    case 'PAY':
      return [
        f,
        { key: 'bank', label: t('claims.facts.payee'), children: claim.loan.bankName },
        { key: 'approvedOn', label: t('claims.facts.approvedOn'), children: claim.approvedOn ?? '—' },
      ];
    default:
      return claim.threeParty ? [b, f, g, k] : [b, f, k];
  }
}
