import { graphql } from '../gql';
import type { PolicyQuery, ViewerPermissionsQuery } from '../gql/graphql';

/**
 * What the caller may do and read (apps/api's operations table), and the measures in force. The web
 * decides nothing about organisation kinds: it asks these two questions and follows the answers.
 */

/**
 * `operations`: names from OPERATIONS the caller's organisation may take at all; `readable`:
 * READABLE_SUBJECTS. Generated from the schema (apps/web/codegen.ts).
 */
export type ViewerPermissions = ViewerPermissionsQuery['viewerPermissions'];

/**
 * `Query.policy`: the measures in force on the business date (packages/policy's PolicyParameters):
 * each number or list with its article; rates are decimal strings ("0.08"). Generated from the schema.
 */
export type Policy = PolicyQuery['policy'];

export const VIEWER_PERMISSIONS_QUERY = graphql(`
  query ViewerPermissions {
    viewerPermissions {
      operations
      readable
    }
  }
`);

export const POLICY_PARAM_FRAGMENTS = graphql(`
  fragment PolicyParamDays on PolicyDaysParam {
    value
    article
    note
  }
  fragment PolicyParamRate on PolicyRateParam {
    value
    article
    note
  }
  fragment PolicyParamAmount on PolicyAmountParam {
    value
    article
    note
  }
  fragment PolicyParamKinds on PolicyKindsParam {
    value
    article
    note
  }
`);

export const POLICY_QUERY = graphql(`
  query Policy {
    policy {
      id
      name
      sourceDocument
      effectiveFrom
      initialCapital {
        ...PolicyParamAmount
      }
      tierThreshold {
        ...PolicyParamAmount
      }
      lowTierCapRate {
        ...PolicyParamRate
      }
      highTierCapRate {
        ...PolicyParamRate
      }
      perLoanCap {
        ...PolicyParamAmount
      }
      perEnterpriseYearCap {
        ...PolicyParamAmount
      }
      riskOverdueDays {
        ...PolicyParamDays
      }
      claimOverdueDays {
        ...PolicyParamDays
      }
      warningRatio {
        ...PolicyParamRate
      }
      suspensionRatio {
        ...PolicyParamRate
      }
      minGuarantorRate {
        ...PolicyParamRate
      }
      circuitBreakerCumulative {
        ...PolicyParamAmount
      }
      remittanceDays {
        ...PolicyParamDays
      }
      allowedLoanPurposes {
        ...PolicyParamKinds
      }
      allowedCollateralKinds {
        ...PolicyParamKinds
      }
      coSigningOffices {
        ...PolicyParamKinds
      }
      resumptionVoters {
        ...PolicyParamKinds
      }
      provisions {
        key
        article
        note
      }
    }
  }
`);
