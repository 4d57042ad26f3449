import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Connection } from '../../lib/cursorPager';

export interface IpAssetRow {
  id: string;
  kind: string;
  registrationNo: string;
  title: string;
}

/** An enterprise of the library; the blacklist flag is visible to every partner that sees it (Art 21). */
export interface EnterpriseRow {
  id: string;
  name: string;
  creditCode: string;
  district: string;
  industry: string;
  blacklisted: boolean;
  blacklistedSince: string | null;
  blacklistReason: string | null;
  ipAssets: IpAssetRow[];
  /** enterprise.addIpAsset, blacklist.propose, as the caller may take them now. */
  viewerCan: string[];
}

const ENTERPRISE_FIELDS = gql`
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
`;

export interface EnterprisesData {
  enterprises: Connection<EnterpriseRow>;
}

export interface EnterprisesVariables {
  first: number;
  after: string | null;
  search: string | null;
}

export const ENTERPRISES_QUERY: TypedDocumentNode<EnterprisesData, EnterprisesVariables> = gql`
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
  ${ENTERPRISE_FIELDS}
`;

export const ENTERPRISE_QUERY: TypedDocumentNode<{ enterprise: EnterpriseRow | null }, { id: string }> = gql`
  query Enterprise($id: ID!) {
    enterprise(id: $id) {
      ...EnterpriseFields
    }
  }
  ${ENTERPRISE_FIELDS}
`;

export interface CreateEnterpriseVariables {
  input: {
    name: string;
    creditCode: string;
    district?: string | null;
    industry?: string | null;
    ipAssets?: { kind: string; registrationNo: string; title: string }[];
  };
}

/**
 * The library entry the credit code names (Art 6.3): the new one, or the one already in the library
 * (`alreadyInLibrary`: the name and details sent were not used), exactly as a lookup by code answers.
 */
export interface LibraryEntry {
  id: string;
  name: string;
  creditCode: string;
  alreadyInLibrary: boolean;
}

export const CREATE_ENTERPRISE: TypedDocumentNode<
  { createEnterprise: LibraryEntry },
  CreateEnterpriseVariables
> = gql`
  mutation CreateEnterprise($input: CreateEnterpriseInput!) {
    createEnterprise(input: $input) {
      id
      name
      creditCode
      alreadyInLibrary
    }
  }
`;

/** Art 6.3: the library entry with this exact unified social credit code (id and name), null when none. */
export const ENTERPRISE_BY_CREDIT_CODE: TypedDocumentNode<
  { enterpriseByCreditCode: LibraryEntry | null },
  { creditCode: string }
> = gql`
  query EnterpriseByCreditCode($creditCode: String!) {
    enterpriseByCreditCode(creditCode: $creditCode) {
      id
      name
      creditCode
      alreadyInLibrary
    }
  }
`;

export interface AddIpAssetVariables {
  input: { enterpriseId: string; kind: string; registrationNo: string; title: string };
}

export const ADD_IP_ASSET: TypedDocumentNode<{ addIpAsset: IpAssetRow }, AddIpAssetVariables> = gql`
  mutation AddIpAsset($input: AddIpAssetInput!) {
    addIpAsset(input: $input) {
      id
      kind
      registrationNo
      title
    }
  }
`;

export interface BlacklistProposalRow {
  id: string;
  enterprise: { id: string; name: string; blacklisted: boolean };
  reason: string;
  proposedOn: string;
  proposedBy: { id: string; name: string };
  status: string;
  decidedOn: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionComment: string | null;
  /** blacklist.decide while the proposal waits for the caller's decision. */
  viewerCan: string[];
}

const PROPOSAL_FIELDS = gql`
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
`;

export const BLACKLIST_PROPOSALS_QUERY: TypedDocumentNode<
  { blacklistProposals: BlacklistProposalRow[] },
  Record<string, never>
> = gql`
  query BlacklistProposals {
    blacklistProposals {
      ...BlacklistProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const PROPOSE_BLACKLIST: TypedDocumentNode<
  { proposeBlacklist: BlacklistProposalRow },
  { enterpriseId: string; reason: string }
> = gql`
  mutation ProposeBlacklist($enterpriseId: ID!, $reason: String!) {
    proposeBlacklist(enterpriseId: $enterpriseId, reason: $reason) {
      ...BlacklistProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const DECIDE_BLACKLIST: TypedDocumentNode<
  { decideBlacklist: BlacklistProposalRow },
  { proposalId: string; approve: boolean; comment: string | null }
> = gql`
  mutation DecideBlacklist($proposalId: ID!, $approve: Boolean!, $comment: String) {
    decideBlacklist(proposalId: $proposalId, approve: $approve, comment: $comment) {
      ...BlacklistProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;
