import { graphql } from '../../gql';
import type {
  AddIpAssetMutationVariables,
  BlacklistProposalFieldsFragment,
  CreateEnterpriseMutation,
  CreateEnterpriseMutationVariables,
  EnterpriseFieldsFragment,
  EnterprisesQuery,
  EnterprisesQueryVariables,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). */

/** An enterprise of the library; the blacklist flag is visible to every partner that sees it (Art 21). */
export type EnterpriseRow = EnterpriseFieldsFragment;
export type IpAssetRow = EnterpriseRow['ipAssets'][number];
export type EnterprisesData = EnterprisesQuery;
export type EnterprisesVariables = EnterprisesQueryVariables;
export type CreateEnterpriseVariables = CreateEnterpriseMutationVariables;
/**
 * The library entry the credit code names (Art 6.3): the new one, or the one already in the library
 * (`alreadyInLibrary`: the name and details sent were not used), exactly as a lookup by code answers.
 */
export type LibraryEntry = CreateEnterpriseMutation['createEnterprise'];
export type AddIpAssetVariables = AddIpAssetMutationVariables;
export type BlacklistProposalRow = BlacklistProposalFieldsFragment;

export const ENTERPRISE_FIELDS = graphql(`
  fragment EnterpriseFields on Enterprise {
    id
    name
    creditCode
    district
    industry
    blacklisted
    blacklistedSince
    blacklistReason
    ipAssets {
      id
      kind
      registrationNo
      title
    }
    viewerCan
  }
`);

export const ENTERPRISES_QUERY = graphql(`
  query Enterprises($first: Int, $after: String, $search: String) {
    enterprises(first: $first, after: $after, search: $search) {
      totalCount
      edges {
        cursor
        node {
          ...EnterpriseFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ENTERPRISE_QUERY = graphql(`
  query Enterprise($id: ID!) {
    enterprise(id: $id) {
      ...EnterpriseFields
    }
  }
`);

export const LIBRARY_ENTRY_FIELDS = graphql(`
  fragment LibraryEntryFields on LibraryEntry {
    id
    name
    creditCode
    alreadyInLibrary
  }
`);

export const CREATE_ENTERPRISE = graphql(`
  mutation CreateEnterprise($input: CreateEnterpriseInput!) {
    createEnterprise(input: $input) {
      ...LibraryEntryFields
    }
  }
`);

/** Art 6.3: the library entry with this exact unified social credit code (id and name), null when none. */
export const ENTERPRISE_BY_CREDIT_CODE = graphql(`
  query EnterpriseByCreditCode($creditCode: String!) {
    enterpriseByCreditCode(creditCode: $creditCode) {
      ...LibraryEntryFields
    }
  }
`);

export const ADD_IP_ASSET = graphql(`
  mutation AddIpAsset($input: AddIpAssetInput!) {
    addIpAsset(input: $input) {
      id
      kind
      registrationNo
      title
    }
  }
`);

export const PROPOSAL_FIELDS = graphql(`
  fragment BlacklistProposalFields on BlacklistProposal {
    id
    enterprise {
      id
      name
      blacklisted
    }
    reason
    proposedOn
    proposedBy {
      id
      name
    }
    status
    decidedOn
    decidedBy {
      id
      name
    }
    decisionComment
    viewerCan
  }
`);

export const BLACKLIST_PROPOSALS_QUERY = graphql(`
  query BlacklistProposals {
    blacklistProposals {
      ...BlacklistProposalFields
    }
  }
`);

export const PROPOSE_BLACKLIST = graphql(`
  mutation ProposeBlacklist($enterpriseId: ID!, $reason: String!) {
    proposeBlacklist(enterpriseId: $enterpriseId, reason: $reason) {
      ...BlacklistProposalFields
    }
  }
`);

export const DECIDE_BLACKLIST = graphql(`
  mutation DecideBlacklist($proposalId: ID!, $approve: Boolean!, $comment: String) {
    decideBlacklist(proposalId: $proposalId, approve: $approve, comment: $comment) {
      ...BlacklistProposalFields
    }
  }
`);
