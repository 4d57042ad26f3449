import { gql, type TypedDocumentNode } from '@apollo/client';

/**
 * What the caller may do and read (apps/api's operations table), and the measures in force. The web
 * decides nothing about organisation kinds: it asks these two questions and follows the answers.
 */

/** `operations`: names from OPERATIONS the caller's organisation may take at all; `readable`: READABLE_SUBJECTS. */
export interface ViewerPermissions {
  operations: string[];
  readable: string[];
}

export const VIEWER_PERMISSIONS_QUERY: TypedDocumentNode<
  { viewerPermissions: ViewerPermissions },
  Record<string, never>
> = gql`
  query ViewerPermissions {
    viewerPermissions {
      operations
      readable
    }
  }
`;

/** One number (or list) of the measures with its article. Rates are decimal strings ("0.08"). */
export interface PolicyParam<T> {
  value: T;
  article: string;
  note: string | null;
}

export interface PolicyProvisionInfo {
  key: string;
  article: string;
  note: string | null;
}

/** `Query.policy`: the measures in force on the business date (packages/policy's PolicyParameters). */
export interface Policy {
  id: string;
  name: string;
  sourceDocument: string;
  effectiveFrom: string;
  initialCapital: PolicyParam<string>;
  tierThreshold: PolicyParam<string>;
  lowTierCapRate: PolicyParam<string>;
  highTierCapRate: PolicyParam<string>;
  perLoanCap: PolicyParam<string>;
  perEnterpriseYearCap: PolicyParam<string>;
  riskOverdueDays: PolicyParam<number>;
  claimOverdueDays: PolicyParam<number>;
  warningRatio: PolicyParam<string>;
  suspensionRatio: PolicyParam<string>;
  minGuarantorRate: PolicyParam<string>;
  circuitBreakerCumulative: PolicyParam<string>;
  remittanceDays: PolicyParam<number>;
  /** Art 13: the purposes a covered loan may serve (LoanPurpose values). */
  allowedLoanPurposes: PolicyParam<string[]>;
  /** Art 2, 4: the kinds of IP whose pledge makes a loan covered (PATENT, TRADEMARK). */
  allowedCollateralKinds: PolicyParam<string[]>;
  coSigningOffices: PolicyParam<string[]>;
  resumptionVoters: PolicyParam<string[]>;
  provisions: PolicyProvisionInfo[];
}

const PARAM = gql`
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
`;

export const POLICY_QUERY: TypedDocumentNode<{ policy: Policy }, Record<string, never>> = gql`
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
  ${PARAM}
`;
