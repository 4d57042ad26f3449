import { gql, type TypedDocumentNode } from '@apollo/client';

/** The semi-annual partner evaluation (Art 23). Rates are decimal strings (0.25 = 25 %), scores 0–100. */
export interface PartnerEvaluation {
  id: string;
  partner: { id: string; name: string };
  partnerKind: 'LENDING_BANK' | 'GUARANTOR';
  indicators: {
    loansGranted: number;
    amountGranted: string;
    enterprises: number;
    firstTimeBorrowers: number;
    loanShare: string | null;
    registrationTimeliness: string | null;
    remittanceTimeliness: string | null;
    overdueRate: string;
    compensationRate: string;
  };
  scores: Record<
    | 'productInnovation'
    | 'creditGranted'
    | 'enterpriseReach'
    | 'loanEfficiency'
    | 'assetQuality'
    | 'workEffectiveness',
    string | null
  >;
  scoreComment: string | null;
  totalScore: string | null;
  rank: number | null;
  viewerCan: string[];
}

export interface EvaluationRound {
  id: string;
  half: string;
  periodFrom: string;
  periodTo: string;
  asOf: string;
  status: 'DRAFT' | 'SUBMITTED';
  policyId: string;
  weights: { criterion: string; weight: string }[];
  computedOn: string;
  submittedOn: string | null;
  article: string;
  viewerCan: string[];
  entries: PartnerEvaluation[];
}

const ROUND_FIELDS = gql`
  fragment RoundFields on EvaluationRound {
    id
    half
    periodFrom
    periodTo
    asOf
    status
    policyId
    weights {
      criterion
      weight
    }
    computedOn
    submittedOn
    article
    viewerCan
    entries {
      id
      partner {
        id
        name
      }
      partnerKind
      indicators {
        loansGranted
        amountGranted
        enterprises
        firstTimeBorrowers
        loanShare
        registrationTimeliness
        remittanceTimeliness
        overdueRate
        compensationRate
      }
      scores {
        productInnovation
        creditGranted
        enterpriseReach
        loanEfficiency
        assetQuality
        workEffectiveness
      }
      scoreComment
      totalScore
      rank
      viewerCan
    }
  }
`;

export const EVALUATION_ROUNDS_QUERY: TypedDocumentNode<
  { evaluationRounds: EvaluationRound[] },
  Record<string, never>
> = gql`
  query EvaluationRounds {
    evaluationRounds {
      ...RoundFields
    }
  }
  ${ROUND_FIELDS}
`;

export const COMPUTE_EVALUATION: TypedDocumentNode<
  { computeEvaluation: EvaluationRound },
  { period: string }
> = gql`
  mutation ComputeEvaluation($period: String!) {
    computeEvaluation(period: $period) {
      ...RoundFields
    }
  }
  ${ROUND_FIELDS}
`;

export const SCORE_PARTNER: TypedDocumentNode<
  { scorePartnerEvaluation: EvaluationRound },
  { entryId: string; input: { productInnovation: string; workEffectiveness: string; comment: string | null } }
> = gql`
  mutation ScorePartnerEvaluation($entryId: ID!, $input: ScorePartnerInput!) {
    scorePartnerEvaluation(entryId: $entryId, input: $input) {
      ...RoundFields
    }
  }
  ${ROUND_FIELDS}
`;

export const SUBMIT_EVALUATION: TypedDocumentNode<{ submitEvaluation: EvaluationRound }, { period: string }> =
  gql`
    ${ROUND_FIELDS}
    mutation SubmitEvaluation($period: String!) {
      submitEvaluation(period: $period) {
        ...RoundFields
      }
    }
  `;

export const CRITERION_ZH: Record<string, string> = {
  productInnovation: '产品创新',
  creditGranted: '贷款授信额度',
  enterpriseReach: '获贷企业比例',
  loanEfficiency: '贷款效率',
  assetQuality: '资产质量',
  workEffectiveness: '工作成效',
};

/** "0.253" → "25.3%"; null → "—". */
export function percent(rate: string | null): string {
  if (rate === null) return '—';
  const n = Number(rate) * 100;
  return `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}

/** The half year before the one `date` falls in, and that one: the halves the manager may compute. */
export function halvesAround(date: string): string[] {
  const year = Number(date.slice(0, 4));
  const second = Number(date.slice(5, 7)) > 6;
  return second ? [`${year}-H2`, `${year}-H1`] : [`${year}-H1`, `${year - 1}-H2`];
}
