import { graphql } from '../../gql';
import type { RoundFieldsFragment } from '../../gql/graphql';

/**
 * The semi-annual partner evaluation (Art 23). Rates are decimal strings (0.25 = 25 %), scores 0–100.
 * Types generated from the schema (apps/web/codegen.ts).
 */
export type EvaluationRound = RoundFieldsFragment;
export type PartnerEvaluation = EvaluationRound['entries'][number];
export type Criterion = keyof PartnerEvaluation['scores'];

/** The criteria in the order of the measures; their names are evaluation.criterion.*. */
export const CRITERIA: readonly Criterion[] = [
  'productInnovation',
  'creditGranted',
  'enterpriseReach',
  'loanEfficiency',
  'assetQuality',
  'workEffectiveness',
];

export const ROUND_FIELDS = graphql(`
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
`);

export const EVALUATION_ROUNDS_QUERY = graphql(`
  query EvaluationRounds {
    evaluationRounds {
      ...RoundFields
    }
  }
`);

export const COMPUTE_EVALUATION = graphql(`
  mutation ComputeEvaluation($period: String!) {
    computeEvaluation(period: $period) {
      ...RoundFields
    }
  }
`);

export const SCORE_PARTNER = graphql(`
  mutation ScorePartnerEvaluation($entryId: ID!, $input: ScorePartnerInput!) {
    scorePartnerEvaluation(entryId: $entryId, input: $input) {
      ...RoundFields
    }
  }
`);

export const SUBMIT_EVALUATION = graphql(`
  mutation SubmitEvaluation($period: String!) {
    submitEvaluation(period: $period) {
      ...RoundFields
    }
  }
`);

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
