import { graphql } from '../../gql';
import type {
  FundStatusFieldsFragment,
  LedgerEntriesQuery,
  LedgerEntriesQueryVariables,
  LedgerEntryFilter as GeneratedLedgerEntryFilter,
  LedgerEntrySortField as GeneratedLedgerEntrySortField,
  FundStatusQuery,
  LedgerTransactionFieldsFragment,
  RecordInterestIncomeMutation,
  RecordProgrammeCostMutation,
  ReverseLedgerTransactionMutation,
  TrialBalanceLineFieldsFragment,
  TrialBalanceQuery,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). Decimal fields are yuan strings ("1500000.00"). */
export type FundStatus = FundStatusFieldsFragment;
export type FundStatusData = FundStatusQuery;
export type TrialBalanceLine = TrialBalanceLineFieldsFragment;
export type TrialBalanceData = TrialBalanceQuery;
export type LedgerTransaction = LedgerTransactionFieldsFragment;
export type LedgerEntriesData = LedgerEntriesQuery;
export type LedgerEntriesVariables = LedgerEntriesQueryVariables;
export type LedgerEntryRow = LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'];
export type LedgerEntryFilter = GeneratedLedgerEntryFilter;
export type LedgerEntrySortField = GeneratedLedgerEntrySortField;
/** What every ledger mutation answers with: the posted transaction. */
export type PostedTransaction = RecordInterestIncomeMutation['recordInterestIncome'];
export type { RecordProgrammeCostMutation, ReverseLedgerTransactionMutation };

// The fund's figures are the FundStatusFields fragment (claims/claims.graphql.ts), spread by name.
export const FUND_STATUS_QUERY = graphql(`
  query FundStatus {
    fundStatus {
      ...FundStatusFields
    }
    portalInfo {
      businessDate
    }
  }
`);

export const TRIAL_BALANCE_LINE_FIELDS = graphql(`
  fragment TrialBalanceLineFields on TrialBalanceLine {
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
`);

export const TRIAL_BALANCE_QUERY = graphql(`
  query TrialBalance($asOf: Date) {
    trialBalance(asOf: $asOf) {
      asOf
      balanced
      debitTotal
      creditTotal
      lines {
        ...TrialBalanceLineFields
      }
    }
  }
`);

export const LEDGER_TRANSACTION_FIELDS = graphql(`
  fragment LedgerTransactionFields on LedgerTransaction {
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
`);

/** The journal with the API's filters (date range, account, memo, amount) and sort (issue 11). */
export const LEDGER_ENTRIES_QUERY = graphql(`
  query LedgerEntries($first: Int, $after: String, $filter: LedgerEntryFilter, $orderBy: LedgerEntryOrder) {
    ledgerEntries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
            ...LedgerTransactionFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RECORD_INTEREST_INCOME_MUTATION = graphql(`
  mutation RecordInterestIncome($input: RecordInterestIncomeInput!) {
    recordInterestIncome(input: $input) {
      id
      seq
      kind
    }
  }
`);

export const RECORD_PROGRAMME_COST_MUTATION = graphql(`
  mutation RecordProgrammeCost($input: RecordProgrammeCostInput!) {
    recordProgrammeCost(input: $input) {
      id
      seq
      kind
    }
  }
`);

export const REVERSE_LEDGER_TRANSACTION_MUTATION = graphql(`
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
`);

/** After any posting, these views are stale. */
export const LEDGER_QUERIES_TO_REFETCH = ['FundStatus', 'TrialBalance', 'LedgerEntries'];
