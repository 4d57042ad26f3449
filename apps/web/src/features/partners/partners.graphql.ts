import { graphql } from '../../gql';
import type {
  AdmitPartnerMutationVariables,
  AgreementFieldsFragment,
  CreateUserMutationVariables,
  LoginLockoutsQuery,
  ManagedUserFieldsFragment,
  PartnerFieldsFragment,
  PartnerKind,
  RecordAgreementMutationVariables,
  RetirePartnerMutationVariables,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). */

export type PartnerKindValue = PartnerKind;
export type PartnerRow = PartnerFieldsFragment;
export type AdmitPartnerVariables = AdmitPartnerMutationVariables;
export type StatusChangeVariables = RetirePartnerMutationVariables;
/** A cooperation agreement version; rates are decimal strings ("0.30"). */
export type AgreementRow = AgreementFieldsFragment;
export type RecordAgreementVariables = RecordAgreementMutationVariables;
export type ManagedUserRow = ManagedUserFieldsFragment;
export type CreateUserVariables = CreateUserMutationVariables;
/** A username or client address blocked after failed logins (issue 9). */
export type LoginLockoutRow = LoginLockoutsQuery['loginLockouts'][number];

export const PARTNER_FIELDS = graphql(`
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
`);

export const PARTNERS_QUERY = graphql(`
  query Partners {
    partners {
      ...PartnerFields
    }
  }
`);

export const ADMIT_PARTNER = graphql(`
  mutation AdmitPartner($input: AdmitPartnerInput!) {
    admitPartner(input: $input) {
      ...PartnerFields
    }
  }
`);

export const RETIRE_PARTNER = graphql(`
  mutation RetirePartner($orgId: ID!, $reason: String!) {
    retirePartner(orgId: $orgId, reason: $reason) {
      ...PartnerFields
    }
  }
`);

export const DISQUALIFY_PARTNER = graphql(`
  mutation DisqualifyPartner($orgId: ID!, $reason: String!) {
    disqualifyPartner(orgId: $orgId, reason: $reason) {
      ...PartnerFields
    }
  }
`);

export const AGREEMENT_FIELDS = graphql(`
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
`);

export const AGREEMENTS_QUERY = graphql(`
  query Agreements($bankId: ID) {
    agreements(bankId: $bankId) {
      ...AgreementFields
    }
  }
`);

export const RECORD_AGREEMENT = graphql(`
  mutation RecordAgreement($input: RecordAgreementInput!) {
    recordAgreement(input: $input) {
      ...AgreementFields
    }
  }
`);

export const MANAGED_USER_FIELDS = graphql(`
  fragment ManagedUserFields on ManagedUser {
    id
    username
    displayName
    active
  }
`);

export const ORGANIZATION_USERS = graphql(`
  query OrganizationUsers($organizationId: ID!) {
    organizationUsers(organizationId: $organizationId) {
      ...ManagedUserFields
    }
  }
`);

export const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...ManagedUserFields
    }
  }
`);

export const DEACTIVATE_USER = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      ...ManagedUserFields
    }
  }
`);

export const LOGIN_LOCKOUTS_QUERY = graphql(`
  query LoginLockouts {
    loginLockouts {
      kind
      subject
      failures
      blockedUntil
    }
  }
`);

export const CLEAR_LOGIN_LOCKOUT_MUTATION = graphql(`
  mutation ClearLoginLockout($username: String!) {
    clearLoginLockout(username: $username)
  }
`);
