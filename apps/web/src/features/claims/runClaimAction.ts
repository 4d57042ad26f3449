import type { ApolloClient } from '@apollo/client';
import {
  APPROVE_CLAIM_MUTATION,
  CONFIRM_GUARANTOR_SHARE_MUTATION,
  PAY_CLAIM_MUTATION,
  REJECT_CLAIM_MUTATION,
  RESUBMIT_CLAIM_MUTATION,
  RETURN_CLAIM_MUTATION,
  VERIFY_CLAIM_MUTATION,
  type KnownClaimAction,
} from './claims.graphql';

export interface ClaimActionInput {
  claimId: string;
  comment: string | null;
  /** Drawn once per dialog; only PAY sends it (the API pays once per key). */
  idempotencyKey: string;
}

/**
 * Runs one workflow step on an existing claim. One step can change the claim, its loan and the fund
 * (a final approval may suspend it, Art 19), so every active query is refetched afterwards: the list,
 * the drawer, the fund banner.
 */
export async function runClaimAction(
  client: ApolloClient,
  action: Exclude<KnownClaimAction, 'SUBMIT'>,
  { claimId, comment, idempotencyKey }: ClaimActionInput,
): Promise<void> {
  const options = { refetchQueries: 'active' as const };
  switch (action) {
    case 'RESUBMIT':
      await client.mutate({ mutation: RESUBMIT_CLAIM_MUTATION, variables: { claimId, comment }, ...options });
      return;
    case 'CONFIRM_GUARANTOR_SHARE':
      await client.mutate({
        mutation: CONFIRM_GUARANTOR_SHARE_MUTATION,
        variables: { claimId, comment },
        ...options,
      });
      return;
    case 'VERIFY':
      await client.mutate({ mutation: VERIFY_CLAIM_MUTATION, variables: { claimId, comment }, ...options });
      return;
    case 'RETURN':
      await client.mutate({
        mutation: RETURN_CLAIM_MUTATION,
        variables: { claimId, comment: comment ?? '' },
        ...options,
      });
      return;
    case 'APPROVE':
      await client.mutate({ mutation: APPROVE_CLAIM_MUTATION, variables: { claimId, comment }, ...options });
      return;
    case 'REJECT':
      await client.mutate({
        mutation: REJECT_CLAIM_MUTATION,
        variables: { claimId, reason: comment ?? '' },
        ...options,
      });
      return;
    case 'PAY':
      await client.mutate({
        mutation: PAY_CLAIM_MUTATION,
        variables: { claimId, idempotencyKey, comment },
        ...options,
      });
      return;
  }
}
