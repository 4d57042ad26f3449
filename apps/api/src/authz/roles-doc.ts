import type { PolicyParameters } from '@ipfund/policy';
import { ORG_KINDS, OPERATIONS, READABLE_SUBJECTS, type OrgKind, type ReadableSubject } from '@ipfund/shared';
import { readRulesFor, type SubjectType } from './ability';
import { OPERATION_TABLE, articleOf, kindMayTake } from './operations';

/**
 * Every aggregate the API computes over more than one record, and the kind of record it is computed
 * from: a caller reads it over exactly the records of that kind it may read ("own" or "all"), or not
 * at all. `programmeOnly`: computed over every tenant's records, so shown only to callers who read
 * every record of the kind (DOMAIN.md §2: no totals from which another bank's figures can be derived).
 */
export const AGGREGATES: readonly {
  name: string;
  over: ReadableSubject;
  programmeOnly?: boolean;
  what: string;
}[] = [
  { name: '`loans.totalCount`', over: 'Loan', what: 'number of loans in the list' },
  { name: '`claims.totalCount`', over: 'Claim', what: 'number of claims in the list' },
  { name: '`enterprises.totalCount`', over: 'Enterprise', what: 'number of enterprises in the list' },
  {
    name: '`bankRisks`',
    over: 'BankRisk',
    what: 'per bank: covered IP-pledged principal, the part 15+ days overdue or in claim, the ratio (Art 12)',
  },
  {
    name: '`Claim.filing/final.enterpriseYearCapReduction`',
    over: 'Claim',
    what: "how much the enterprise-year cap (Art 11) took from the claim's fund share",
  },
  {
    name: '`Claim.filing/final.enterpriseYearCompensatedSoFar`',
    over: 'Claim',
    programmeOnly: true,
    what: "Σ fund shares already approved for the borrower in the year, over every bank's claims (Art 11)",
  },
  {
    name: '`Claim.allowedActions`',
    over: 'Claim',
    what: 'whether the fund is suspended (Art 19), as the next steps of a claim the caller may see',
  },
  { name: '`openRemittances`', over: 'Recovery', what: 'recoveries whose fund share is still owed (Art 18)' },
  {
    name: '`fundStatus`, `trialBalance`, `ledgerEntries`',
    over: 'LedgerEntry',
    what: 'the fund: balances, cumulative compensation and the breaker (Art 3, 7, 10, 19), the journal',
  },
  {
    name: '`fundResumptionVotes`',
    over: 'ResumptionVote',
    what: "the consents (with the offices' comments) to resume the suspended fund (Art 19)",
  },
  {
    name: '`fundForecast`, `/export/forecast.xlsx`',
    over: 'FundForecast',
    programmeOnly: true,
    what: "the fund's stress forecast over every bank's covered loans: trip probability, payouts, each bank's and segment's contribution (Art 11, 14, 19)",
  },
];

const KIND_ABBREV: Record<OrgKind, string> = {
  IP_BUREAU: 'IPB',
  FINANCE_BUREAU: 'FIN',
  FINANCIAL_OFFICE: 'FO',
  FUND_MANAGER: 'MGR',
  LENDING_BANK: 'BANK',
  GUARANTOR: 'GUAR',
  ENTERPRISE: 'ENT',
  AUDITOR: 'AUD',
};

/** How a kind reads a subject: every record, some (with the condition fields), or none. */
function reach(kind: OrgKind, subject: SubjectType): { all: boolean; via: string[] } | null {
  const rules = readRulesFor({ orgId: '<own org>', orgKind: kind }).filter((r) => r.subject === subject);
  if (!rules.length) return null;
  if (rules.some((r) => !r.conditions)) return { all: true, via: [] };
  return { all: false, via: rules.flatMap((r) => Object.keys(r.conditions ?? {})) };
}

const header = (first: string[]) =>
  [
    `| ${[...first, ...ORG_KINDS.map((k) => KIND_ABBREV[k])].join(' | ')} |`,
    `| ${[...first, ...ORG_KINDS].map(() => '---').join(' | ')} |`,
  ].join('\n');

/**
 * The generated part of docs/roles.md: operations per kind (from the operations table), reads per
 * kind (from the read rules) and aggregates per kind. A test keeps the document equal to it.
 */
export function rolesDoc(policy: PolicyParameters): string {
  const legend = ORG_KINDS.map((k) => `${KIND_ABBREV[k]} = \`${k}\``).join(', ');
  const ops = OPERATIONS.map((op) => {
    const rule = OPERATION_TABLE[op];
    const cells = ORG_KINDS.map((k) => (kindMayTake(k, op, policy) ? '✓' : ''));
    const on = rule.subject ? `a readable ${rule.subject}` : '—';
    return `| \`${op}\` | ${articleOf(op, policy) ?? '—'} | ${on} | ${cells.join(' | ')} |`;
  });
  const reads = READABLE_SUBJECTS.map((subject) => {
    const cells = ORG_KINDS.map((k) => {
      const r = reach(k, subject);
      if (!r) return '';
      return r.all ? 'all' : `own (${r.via.join(', ')})`;
    });
    return `| ${subject} | ${cells.join(' | ')} |`;
  });
  const aggregates = AGGREGATES.map((a) => {
    const cells = ORG_KINDS.map((k) => {
      const r = reach(k, a.over);
      if (!r) return '';
      if (a.programmeOnly) return r.all ? 'all' : '';
      return r.all ? 'all' : 'own';
    });
    return `| ${a.name} | ${a.what} | ${cells.join(' | ')} |`;
  });
  return [
    `Kinds: ${legend}. Measures: ${policy.name} (${policy.sourceDocument}).`,
    '',
    '### Operations (`apps/api/src/authz/operations.ts`)',
    '',
    'Who may take each operation, under which article, and on which records: an operation on a record',
    'may be taken only on records of that kind the caller can read (e.g. a bank reports status on its own',
    'loans only). Refused before any transaction: `FORBIDDEN` with the article, recorded in the activity log.',
    '',
    header(['operation', 'article', 'acts on']),
    ...ops,
    '',
    '### Reads (`apps/api/src/authz/ability.ts`)',
    '',
    '"own (field)": the records whose field is the caller\'s organisation (for arrays: contains it).',
    '',
    header(['records']),
    ...reads,
    '',
    '### Aggregates',
    '',
    'Every figure computed over more than one record: "own" = over the records the caller may read only;',
    '"all" = over every record; empty = not readable (`FORBIDDEN`, or `null` for a field).',
    '',
    header(['aggregate', 'what']),
    ...aggregates,
  ].join('\n');
}
