import { gql, type TypedDocumentNode } from '@apollo/client';

/** Borrowers' quarterly financial statements (Art 22); amounts are decimal strings in yuan. */
export interface FinancialStatement {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  quarter: string;
  version: number;
  revenue: string;
  netProfit: string;
  totalAssets: string;
  totalLiabilities: string;
  rndSpending: string;
  loanUse: string;
  correctionReason: string | null;
  submittedOn: string;
  submittedByName: string;
  submittedOrgKind: string;
}

export interface CollectionRow {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  loans: number;
  outstanding: string;
  statement: FinancialStatement | null;
  reminders: number;
  lastRemindedOn: string | null;
  viewerCan: string[];
}

export interface Collection {
  quarter: string;
  label: string;
  expected: number;
  submitted: number;
  missing: number;
  rows: CollectionRow[];
}

export interface StatementInput {
  enterpriseId: string;
  quarter: string;
  revenue: string;
  netProfit: string;
  totalAssets: string;
  totalLiabilities: string;
  rndSpending: string;
  loanUse: string;
}

const STATEMENT = `id enterpriseId enterpriseName quarter version revenue netProfit totalAssets totalLiabilities rndSpending
  loanUse correctionReason submittedOn submittedByName submittedOrgKind`;

export const COLLECTION_QUERY: TypedDocumentNode<
  { financialStatementCollection: Collection },
  { quarter: string }
> = gql`
  query FinancialStatementCollection($quarter: String!) {
    financialStatementCollection(quarter: $quarter) {
      quarter label expected submitted missing
      rows { enterpriseId enterpriseName creditCode loans outstanding reminders lastRemindedOn viewerCan statement { ${STATEMENT} } }
    }
  }
`;

export const STATEMENTS_QUERY: TypedDocumentNode<
  { financialStatements: FinancialStatement[] },
  { enterpriseId?: string | null; quarter?: string | null }
> = gql`
  query FinancialStatements($enterpriseId: ID, $quarter: String) {
    financialStatements(enterpriseId: $enterpriseId, quarter: $quarter) { ${STATEMENT} }
  }
`;

export const SUBMIT_STATEMENT: TypedDocumentNode<
  { submitFinancialStatement: FinancialStatement },
  { input: StatementInput }
> = gql`
  mutation SubmitFinancialStatement($input: FinancialStatementInput!) {
    submitFinancialStatement(input: $input) { ${STATEMENT} }
  }
`;

export const CORRECT_STATEMENT: TypedDocumentNode<
  { correctFinancialStatement: FinancialStatement },
  { input: StatementInput; reason: string }
> = gql`
  mutation CorrectFinancialStatement($input: FinancialStatementInput!, $reason: String!) {
    correctFinancialStatement(input: $input, reason: $reason) { ${STATEMENT} }
  }
`;

export const REMIND_STATEMENT: TypedDocumentNode<
  { remindFinancialStatement: { id: string; remindedOn: string } },
  { enterpriseId: string; quarter: string }
> = gql`
  mutation RemindFinancialStatement($enterpriseId: ID!, $quarter: String!) {
    remindFinancialStatement(enterpriseId: $enterpriseId, quarter: $quarter) {
      id
      remindedOn
    }
  }
`;

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
export const OWN_ENTERPRISE_QUERY: TypedDocumentNode<
  { enterprises: { edges: { node: { id: string; name: string } }[] } },
  Record<string, never>
> = gql`
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
`;
