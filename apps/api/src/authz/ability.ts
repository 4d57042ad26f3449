import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { PolicyParameters } from '@ipfund/policy';
import { READABLE_SUBJECTS, type Operation, type OrgKind, type ReadableSubject } from '@ipfund/shared';
import type { Actor } from './actor';
import { OPERATION_TABLE, operationsOf } from './operations';

/** `read`, or the name of an operation of the operations table (authz/operations.ts). */
export type Action = 'read' | Operation;
/** The kinds of record rules are written for: the ones the web may ask about (`@ipfund/shared`). */
export type SubjectType = ReadableSubject;

/** Plain shapes the conditions are written against; the SQL adapter maps each field to a column. */
export interface LoanSubject {
  bankId: string;
  guarantorId: string | null;
  /** The borrowing enterprise's own organisation (for enterprise logins). */
  enterpriseOrgId: string | null;
}
export interface EnterpriseSubject {
  organizationId: string | null;
  /** Banks that lent to it (DOMAIN.md §2: a bank sees the enterprises that borrow from it). */
  lenderIds: string[];
  guarantorIds: string[];
  /** The bank that added it to the library (null: the fund manager). */
  createdByOrgId: string | null;
}
/** A cooperation agreement version (Art 8, 11, 14): the bank it binds. */
export interface AgreementSubject {
  bankId: string;
}
/** A blacklist proposal (Art 21): programme-internal until decided; the decision shows on the enterprise. */
export interface BlacklistProposalSubject {
  enterpriseId: string;
}
/** A partner bank or guarantor (or any organisation) as partner management shows it. */
export interface PartnerSubject {
  id: string;
}
/** A bank's risk ratio (Art 12): the bank sees its own, never another's (DOMAIN.md §2). */
export interface BankRiskSubject {
  bankId: string;
}
/** A warning, suspension or lift notice addressed to a bank (Art 12). */
export interface RiskNoticeSubject {
  bankId: string;
}
/** A suspension proposal (Art 12): programme-internal; the bank is told by the notice once consented. */
export interface SuspensionProposalSubject {
  bankId: string;
}
/** An early-warning event on a loan (Art 16): the loan's bank and guarantor take part. */
export interface RiskEventSubject {
  bankId: string;
  guarantorId: string | null;
}

/** A compensation claim (Art 17): the bank that filed it, and the guarantor of its loan (Art 14). */
export interface ClaimSubject {
  bankId: string;
  guarantorId: string | null;
}

/** A recovery after payout (Art 18): the claim's bank and guarantor. */
export interface RecoverySubject {
  bankId: string;
  guarantorId: string | null;
}

/** A borrower's quarterly financial statement (Art 22): the enterprise itself and the banks lending to it. */
export interface FinancialStatementSubject {
  enterpriseOrgId: string | null;
  lenderIds: string[];
}

/** A partner's entry in a semi-annual evaluation round (Art 23): the partner it evaluates. */
export interface PartnerEvaluationSubject {
  partnerId: string;
}

/** A subject type name, or a plain record tagged with one (`subject('Loan', row)`). */
export type AppSubject =
  | SubjectType
  | (LoanSubject & ForcedSubject<'Loan'>)
  | (EnterpriseSubject & ForcedSubject<'Enterprise'>)
  | (PartnerSubject & ForcedSubject<'Partner'>)
  | (AgreementSubject & ForcedSubject<'Agreement'>)
  | (BlacklistProposalSubject & ForcedSubject<'BlacklistProposal'>)
  | (BankRiskSubject & ForcedSubject<'BankRisk'>)
  | (RiskNoticeSubject & ForcedSubject<'RiskNotice'>)
  | (SuspensionProposalSubject & ForcedSubject<'SuspensionProposal'>)
  | (RiskEventSubject & ForcedSubject<'RiskEvent'>)
  | (ClaimSubject & ForcedSubject<'Claim'>)
  | (RecoverySubject & ForcedSubject<'Recovery'>)
  | (PartnerEvaluationSubject & ForcedSubject<'PartnerEvaluation'>)
  | (FinancialStatementSubject & ForcedSubject<'FinancialStatement'>);
export type AppAbility = MongoAbility<[Action, AppSubject]>;

/** Read-everything kinds (DOMAIN.md §2): the three offices, the manager, and the auditor. */
const PROGRAMME_WIDE_READERS: readonly OrgKind[] = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
  'AUDITOR',
];

export type ReadRule = { subject: SubjectType; conditions?: Record<string, unknown> };

/**
 * What each organisation kind may read (DOMAIN.md §2). Deny by default: a kind not handled here
 * gets no rule, and the SQL adapter turns "no rule" into "no rows".
 */
export function readRulesFor(actor: Pick<Actor, 'orgId' | 'orgKind'>): ReadRule[] {
  const org = actor.orgId;
  // Every record of the programme, incl. the fund ledger and its totals (R1, Art 5, 6, 20) and the
  // offices' and the manager's resumption consents (Art 19): never a bank, guarantor or enterprise.
  if (PROGRAMME_WIDE_READERS.includes(actor.orgKind))
    return READABLE_SUBJECTS.map((subject) => ({ subject }));
  switch (actor.orgKind) {
    case 'LENDING_BANK':
      return [
        { subject: 'Loan', conditions: { bankId: org } },
        { subject: 'Enterprise', conditions: { lenderIds: org } },
        // A borrower it added to the library itself, before the first loan (Art 6.3).
        { subject: 'Enterprise', conditions: { createdByOrgId: org } },
        { subject: 'Partner', conditions: { id: org } },
        // Its own cooperation agreements (Art 8).
        { subject: 'Agreement', conditions: { bankId: org } },
        // Art 12, 16: its own risk ratio and notices, and early warnings on its loans.
        { subject: 'BankRisk', conditions: { bankId: org } },
        { subject: 'RiskNotice', conditions: { bankId: org } },
        { subject: 'RiskEvent', conditions: { bankId: org } },
        // Art 17, 18: the claims it filed and their recoveries.
        { subject: 'Claim', conditions: { bankId: org } },
        { subject: 'Recovery', conditions: { bankId: org } },
        // Art 23: its own evaluation (once submitted to the offices; evaluation.service), never
        // another partner's nor the ranking (DOMAIN.md §2).
        { subject: 'PartnerEvaluation', conditions: { partnerId: org } },
        // Art 22: the quarterly statements of the enterprises it lends to, no others.
        { subject: 'FinancialStatement', conditions: { lenderIds: org } },
      ];
    case 'GUARANTOR':
      return [
        { subject: 'Loan', conditions: { guarantorId: org } },
        { subject: 'Enterprise', conditions: { guarantorIds: org } },
        { subject: 'Partner', conditions: { id: org } },
        // Art 16: early warnings on the loans it guarantees.
        { subject: 'RiskEvent', conditions: { guarantorId: org } },
        // Art 14, 18: claims on the loans it guarantees (to confirm its share) and their recoveries.
        { subject: 'Claim', conditions: { guarantorId: org } },
        { subject: 'Recovery', conditions: { guarantorId: org } },
        // Art 23: its own evaluation, as for a bank.
        { subject: 'PartnerEvaluation', conditions: { partnerId: org } },
      ];
    case 'ENTERPRISE':
      return [
        { subject: 'Loan', conditions: { enterpriseOrgId: org } },
        { subject: 'Enterprise', conditions: { organizationId: org } },
        // Art 22: its own quarterly statements.
        { subject: 'FinancialStatement', conditions: { enterpriseOrgId: org } },
      ];
    default:
      return [];
  }
}

/** Abilities built, by the measures and the organisation (see `abilityFor`). */
const abilities = new WeakMap<PolicyParameters, Map<string, AppAbility>>();
const ABILITIES_KEPT = 1000;

/**
 * `defineAbilityFor`, built once per organisation and measures: every read and use case makes a Scope,
 * and building the rules was 2–3 % of a list request's CPU (issue 10). An ability depends on nothing
 * else (its parameter type says so) and is never changed after it is built, so one serves every
 * request of the organisation. The oldest of more than ABILITIES_KEPT is dropped (an enterprise
 * login is an organisation of its own, and a programme has tens of thousands of borrowers).
 */
export function abilityFor(actor: Pick<Actor, 'orgId' | 'orgKind'>, policy: PolicyParameters): AppAbility {
  let byOrg = abilities.get(policy);
  if (!byOrg) {
    byOrg = new Map();
    abilities.set(policy, byOrg);
  }
  const key = `${actor.orgKind}|${actor.orgId}`;
  let ability = byOrg.get(key);
  if (!ability) {
    ability = defineAbilityFor(actor, policy);
    if (byOrg.size >= ABILITIES_KEPT) byOrg.delete(byOrg.keys().next().value!);
    byOrg.set(key, ability);
  }
  return ability;
}

/**
 * The actor's ability: its read rules, and for every operation of the operations table its kind may
 * take under the measures in force, the same conditions under the operation's name — an operation
 * acts only on records the actor can read (e.g. a bank reports status only on its own loans).
 */
export function defineAbilityFor(
  actor: Pick<Actor, 'orgId' | 'orgKind'>,
  policy: PolicyParameters,
): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const reads = readRulesFor(actor);
  for (const r of reads) {
    if (r.conditions) can('read', r.subject, r.conditions as never);
    else can('read', r.subject);
  }
  for (const op of operationsOf(actor.orgKind, policy)) {
    const subject = OPERATION_TABLE[op].subject;
    if (!subject) continue;
    for (const r of reads.filter((x) => x.subject === subject)) {
      if (r.conditions) can(op, subject, r.conditions as never);
      else can(op, subject);
    }
  }
  return build();
}
