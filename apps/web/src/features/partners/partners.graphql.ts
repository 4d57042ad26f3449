import { gql, type TypedDocumentNode } from '@apollo/client';

export type PartnerKindValue = 'LENDING_BANK' | 'GUARANTOR';

export interface PartnerRow {
  id: string;
  kind: PartnerKindValue;
  name: string;
  shortName: string | null;
  status: string;
  licenceNo: string | null;
  statusReason: string | null;
  /** "YYYY-MM-DD" */
  statusChangedOn: string | null;
  /** partner.retire, partner.disqualify, partner.createUser, partner.deactivateUser, agreement.record. */
  viewerCan: string[];
}

const PARTNER_FIELDS = gql`
  fragment PartnerFields on Partner {
    id
    kind
    name
    shortName
    status
    licenceNo
    statusReason
    statusChangedOn
    viewerCan
  }
`;

export const PARTNERS_QUERY: TypedDocumentNode<{ partners: PartnerRow[] }, Record<string, never>> = gql`
  query Partners {
    partners {
      ...PartnerFields
    }
  }
  ${PARTNER_FIELDS}
`;

export interface AdmitPartnerVariables {
  input: { kind: PartnerKindValue; name: string; shortName?: string | null; licenceNo?: string | null };
}

export const ADMIT_PARTNER: TypedDocumentNode<{ admitPartner: PartnerRow }, AdmitPartnerVariables> = gql`
  mutation AdmitPartner($input: AdmitPartnerInput!) {
    admitPartner(input: $input) {
      ...PartnerFields
    }
  }
  ${PARTNER_FIELDS}
`;

export interface StatusChangeVariables {
  orgId: string;
  reason: string;
}

export const RETIRE_PARTNER: TypedDocumentNode<{ retirePartner: PartnerRow }, StatusChangeVariables> = gql`
  mutation RetirePartner($orgId: ID!, $reason: String!) {
    retirePartner(orgId: $orgId, reason: $reason) {
      ...PartnerFields
    }
  }
  ${PARTNER_FIELDS}
`;

export const DISQUALIFY_PARTNER: TypedDocumentNode<{ disqualifyPartner: PartnerRow }, StatusChangeVariables> =
  gql`
    mutation DisqualifyPartner($orgId: ID!, $reason: String!) {
      disqualifyPartner(orgId: $orgId, reason: $reason) {
        ...PartnerFields
      }
    }
    ${PARTNER_FIELDS}
  `;

/** A cooperation agreement version; rates are decimal strings ("0.30"). */
export interface AgreementRow {
  id: string;
  bank: { id: string; name: string };
  effectiveFrom: string;
  fundRateLowTier: string;
  fundRateHighTier: string;
  guarantorRate: string | null;
  inForce: boolean;
  recordedOn: string;
}

const AGREEMENT_FIELDS = gql`
  fragment AgreementFields on CooperationAgreement {
    id
    bank {
      id
      name
    }
    effectiveFrom
    fundRateLowTier
    fundRateHighTier
    guarantorRate
    inForce
    recordedOn
  }
`;

export const AGREEMENTS_QUERY: TypedDocumentNode<{ agreements: AgreementRow[] }, { bankId: string }> = gql`
  query Agreements($bankId: ID) {
    agreements(bankId: $bankId) {
      ...AgreementFields
    }
  }
  ${AGREEMENT_FIELDS}
`;

export interface RecordAgreementVariables {
  input: {
    bankId: string;
    effectiveFrom: string;
    fundRateLowTier: string;
    fundRateHighTier: string;
    guarantorRate: string | null;
  };
}

export const RECORD_AGREEMENT: TypedDocumentNode<
  { recordAgreement: AgreementRow },
  RecordAgreementVariables
> = gql`
  mutation RecordAgreement($input: RecordAgreementInput!) {
    recordAgreement(input: $input) {
      ...AgreementFields
    }
  }
  ${AGREEMENT_FIELDS}
`;

export interface ManagedUserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
}

export const ORGANIZATION_USERS: TypedDocumentNode<
  { organizationUsers: ManagedUserRow[] },
  { organizationId: string }
> = gql`
  query OrganizationUsers($organizationId: ID!) {
    organizationUsers(organizationId: $organizationId) {
      id
      username
      displayName
      active
    }
  }
`;

export interface CreateUserVariables {
  input: { organizationId: string; username: string; displayName: string; password: string };
}

export const CREATE_USER: TypedDocumentNode<{ createUser: ManagedUserRow }, CreateUserVariables> = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
      displayName
      active
    }
  }
`;

export const DEACTIVATE_USER: TypedDocumentNode<{ deactivateUser: ManagedUserRow }, { userId: string }> = gql`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      id
      username
      displayName
      active
    }
  }
`;

/** A username or client address blocked after failed logins (issue 9). */
export interface LoginLockoutRow {
  kind: 'USERNAME' | 'ADDRESS';
  subject: string;
  failures: number;
  blockedUntil: string;
}

export const LOGIN_LOCKOUTS_QUERY: TypedDocumentNode<
  { loginLockouts: LoginLockoutRow[] },
  Record<string, never>
> = gql`
  query LoginLockouts {
    loginLockouts {
      kind
      subject
      failures
      blockedUntil
    }
  }
`;

export const CLEAR_LOGIN_LOCKOUT_MUTATION: TypedDocumentNode<
  { clearLoginLockout: boolean },
  { username: string }
> = gql`
  mutation ClearLoginLockout($username: String!) {
    clearLoginLockout(username: $username)
  }
`;
