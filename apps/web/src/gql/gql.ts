/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n": typeof types.ViewerPermissionsDocument,
    "\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n": typeof types.PolicyParamDaysFragmentDoc,
    "\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n": typeof types.PolicyDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n": typeof types.PortalInfoDocument,
    "\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n": typeof types.PortalClockDocument,
};
const documents: Documents = {
    "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": types.MeDocument,
    "\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n": types.ViewerPermissionsDocument,
    "\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n": types.PolicyParamDaysFragmentDoc,
    "\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n": types.PolicyDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n": types.PortalInfoDocument,
    "\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n": types.PortalClockDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n"): (typeof documents)["\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n"): (typeof documents)["\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n"): (typeof documents)["\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n"): (typeof documents)["\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;