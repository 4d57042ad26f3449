import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Connection } from '../../lib/cursorPager';
import { FUND_STATUS_FIELDS, type FundStatus } from '../claims/claims.graphql';

export type { FundStatus };

/** Decimal fields are yuan strings with two decimals ("1500000.00"); never converted to numbers. */

export interface FundStatusData {
  fundStatus: FundStatus;
  portalInfo: { businessDate: string };
}

export const FUND_STATUS_QUERY: TypedDocumentNode<FundStatusData, Record<string, never>> = gql`
  query FundStatus {
    fundStatus {
      ...FundStatusFields
    }
    portalInfo {
      businessDate
    }
  }
  ${FUND_STATUS_FIELDS}
`;

export interface TrialBalanceLine {
  accountCode: string;
  name: string;
  type: string;
  normalSide: string;
  debitTotal: string;
  creditTotal: string;
  balance: string;
  depositBank: string | null;
  depositAccountNo: string | null;
}

export interface TrialBalanceData {
  trialBalance: {
    balanced: boolean;
    debitTotal: string;
    creditTotal: string;
    lines: TrialBalanceLine[];
  };
}

export const TRIAL_BALANCE_QUERY: TypedDocumentNode<TrialBalanceData, Record<string, never>> = gql`
  query TrialBalance {
    trialBalance {
      balanced
      debitTotal
      creditTotal
      lines {
        accountCode
        name
        type
        normalSide
        debitTotal
        creditTotal
        balance
        depositBank
        depositAccountNo
      }
    }
  }
`;

export interface LedgerTransaction {
  id: string;
  seq: string;
  kind: string;
  memo: string;
  referenceType: string | null;
  referenceId: string | null;
  businessDate: string;
  reversesTransactionId: string | null;
  reversedByTransactionId: string | null;
  createdBy: string | null;
  createdByOrganization: string | null;
}

export interface LedgerEntryRow {
  id: string;
  accountCode: string;
  accountName: string;
  debit: string;
  credit: string;
  transaction: LedgerTransaction;
}

export interface LedgerEntriesData {
  ledgerEntries: Connection<LedgerEntryRow>;
}

export interface LedgerEntriesVariables {
  first: number;
  after: string | null;
  accountCode: string | null;
}

export const LEDGER_ENTRIES_QUERY: TypedDocumentNode<LedgerEntriesData, LedgerEntriesVariables> = gql`
  query LedgerEntries($first: Int, $after: String, $accountCode: String) {
    ledgerEntries(first: $first, after: $after, accountCode: $accountCode) {
      totalCount
      edges {
        cursor
        node {
          id
          accountCode
          accountName
          debit
          credit
          transaction {
            id
            seq
            kind
            memo
            referenceType
            referenceId
            businessDate
            reversesTransactionId
            reversedByTransactionId
            createdBy
            createdByOrganization
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** What every ledger mutation answers with: the posted transaction. */
export interface PostedTransaction {
  id: string;
  seq: string;
  kind: string;
}

export interface RecordInterestIncomeVariables {
  input: { amount: string; receivedOn: string; memo: string | null; idempotencyKey: string };
}

export const RECORD_INTEREST_INCOME_MUTATION: TypedDocumentNode<
  { recordInterestIncome: PostedTransaction },
  RecordInterestIncomeVariables
> = gql`
  mutation RecordInterestIncome($input: RecordInterestIncomeInput!) {
    recordInterestIncome(input: $input) {
      id
      seq
      kind
    }
  }
`;

export interface RecordProgrammeCostVariables {
  input: { amount: string; paidOn: string; memo: string; idempotencyKey: string };
}

export const RECORD_PROGRAMME_COST_MUTATION: TypedDocumentNode<
  { recordProgrammeCost: PostedTransaction },
  RecordProgrammeCostVariables
> = gql`
  mutation RecordProgrammeCost($input: RecordProgrammeCostInput!) {
    recordProgrammeCost(input: $input) {
      id
      seq
      kind
    }
  }
`;

export interface ReverseLedgerTransactionVariables {
  transactionId: string;
  reason: string;
  idempotencyKey: string;
}

export const REVERSE_LEDGER_TRANSACTION_MUTATION: TypedDocumentNode<
  { reverseLedgerTransaction: PostedTransaction },
  ReverseLedgerTransactionVariables
> = gql`
  mutation ReverseLedgerTransaction($transactionId: ID!, $reason: String!, $idempotencyKey: String!) {
    reverseLedgerTransaction(
      transactionId: $transactionId
      reason: $reason
      idempotencyKey: $idempotencyKey
    ) {
      id
      seq
      kind
    }
  }
`;

/** After any posting, these views are stale. */
export const LEDGER_QUERIES_TO_REFETCH = ['FundStatus', 'TrialBalance', 'LedgerEntries'];
