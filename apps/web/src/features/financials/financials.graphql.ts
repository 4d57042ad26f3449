import { graphql } from '../../gql';
import type {
  FinancialStatementCollectionQuery,
  FinancialStatementFieldsFragment,
  FinancialStatementInput,
} from '../../gql/graphql';

/**
 * Borrowers' quarterly financial statements (Art 22); amounts are decimal strings in yuan. Types
 * generated from the schema (apps/web/codegen.ts).
 */
export type FinancialStatement = FinancialStatementFieldsFragment;
export type Collection = FinancialStatementCollectionQuery['financialStatementCollection'];
export type CollectionRow = Collection['rows'][number];
export type StatementInput = FinancialStatementInput;
export const FINANCIAL_STATEMENT_FIELDS = graphql(`
  fragment FinancialStatementFields on FinancialStatement {
    id
    enterpriseId
    enterpriseName
    quarter
    version
    revenue
    netProfit
    totalAssets
    totalLiabilities
    rndSpending
    loanUse
    correctionReason
    submittedOn
    submittedByName
    submittedOrgKind
  }
`);

export const COLLECTION_QUERY = graphql(`
  query FinancialStatementCollection($quarter: String!) {
    financialStatementCollection(quarter: $quarter) {
      quarter
      label
      expected
      submitted
      missing
      rows {
        enterpriseId
        enterpriseName
        creditCode
        loans
        outstanding
        reminders
        lastRemindedOn
        viewerCan
        statement {
          ...FinancialStatementFields
        }
      }
    }
  }
`);

export const STATEMENTS_QUERY = graphql(`
  query FinancialStatements($enterpriseId: ID, $quarter: String) {
    financialStatements(enterpriseId: $enterpriseId, quarter: $quarter) {
      ...FinancialStatementFields
    }
  }
`);

export const SUBMIT_STATEMENT = graphql(`
  mutation SubmitFinancialStatement($input: FinancialStatementInput!) {
    submitFinancialStatement(input: $input) {
      ...FinancialStatementFields
    }
  }
`);

export const CORRECT_STATEMENT = graphql(`
  mutation CorrectFinancialStatement($input: FinancialStatementInput!, $reason: String!) {
    correctFinancialStatement(input: $input, reason: $reason) {
      ...FinancialStatementFields
    }
  }
`);

export const REMIND_STATEMENT = graphql(`
  mutation RemindFinancialStatement($enterpriseId: ID!, $quarter: String!) {
    remindFinancialStatement(enterpriseId: $enterpriseId, quarter: $quarter) {
      id
      remindedOn
    }
  }
`);

/** The quarters that have ended before `today` ("YYYY-MM-DD"), newest first, back `count` quarters. */
export function endedQuarters(today: string, count = 8): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
    out.push(`${year}-Q${q}`);
  }
  return out;
}

/** An enterprise login's own library row (the one enterprise it reads), to submit for itself. */
export const OWN_ENTERPRISE_QUERY = graphql(`
  query OwnEnterprise {
    enterprises(first: 1) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
