import Decimal from 'decimal.js';
import {
  EVALUATION_CRITERIA,
  Money,
  Rate,
  addDays,
  compareDates,
  evaluatePartners,
  halfYear,
  isHalfYear,
  parseJudgedScore,
  type EvaluationCriterion,
  type HalfYear,
  type IsoDate,
  type JudgedScores,
  type PartnerIndicators,
  type PolicyParameters,
} from '@ipfund/policy';
import { ERROR_CODES } from '@ipfund/shared';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { AppError, badInput, conflict, policyViolation } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { UseCaseRunner } from '../../common/use-case';

type PartnerKind = 'LENDING_BANK' | 'GUARANTOR';

/** The measured figures as stored (jsonb): counts as numbers, money and rates as exact strings. */
export interface StoredIndicators {
  loansGranted: number;
  amountGranted: string;
  enterprises: number;
  firstTimeBorrowers: number;
  loanShare: string | null;
  registrationTimeliness: string | null;
  remittanceTimeliness: string | null;
  overdueRate: string;
  compensationRate: string;
}

export interface EvaluationEntryRow {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerKind: PartnerKind;
  indicators: StoredIndicators;
  measuredScores: Partial<Record<EvaluationCriterion, string | null>>;
  innovationScore: string | null;
  effectivenessScore: string | null;
  scoreComment: string | null;
  totalScore: string | null;
  /** null for a partner reading its own entry: the ranking is the offices' (DOMAIN.md §2). */
  rank: number | null;
}

export interface EvaluationRoundRow {
  id: string;
  half: string;
  periodFrom: string;
  periodTo: string;
  asOf: string;
  status: 'DRAFT' | 'SUBMITTED';
  policyId: string;
  weights: Record<EvaluationCriterion, string>;
  computedOn: string;
  submittedOn: string | null;
  entries: EvaluationEntryRow[];
}

const OPERATORS = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'];

const ROUND = `r.id, r.half, to_char(r.period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(r.period_to, 'YYYY-MM-DD') AS "periodTo",
  to_char(r.as_of, 'YYYY-MM-DD') AS "asOf", r.status, r.policy_id AS "policyId", r.weights,
  to_char(r.computed_on, 'YYYY-MM-DD') AS "computedOn", to_char(r.submitted_on, 'YYYY-MM-DD') AS "submittedOn"`;

const ENTRY = `e.id, e.partner_id AS "partnerId", o.name AS "partnerName", e.partner_kind AS "partnerKind", e.indicators,
  e.measured_scores AS "measuredScores", e.innovation_score::text AS "innovationScore",
  e.effectiveness_score::text AS "effectivenessScore", e.score_comment AS "scoreComment",
  e.total_score::text AS "totalScore", e.rank`;

const roundNotFound = (half: string) =>
  new AppError(ERROR_CODES.NOT_FOUND, 'evaluation.roundNotFound', { half });

function ratio(numerator: Decimal.Value, denominator: Decimal.Value): Rate | null {
  const d = new Decimal(denominator);
  if (d.isZero()) return null;
  return Rate.of(new Decimal(numerator).div(d).toDecimalPlaces(6, Decimal.ROUND_HALF_UP));
}

/**
 * The semi-annual partner evaluation (Art 23): the manager computes a half year's round from the
 * programme's data (indicators per bank and guarantor), scores the qualitative criteria, and submits
 * it to the offices, after which it is frozen (database trigger). The scoring itself is the policy
 * package's `evaluatePartners`, with the weights of the measures in force.
 *
 * Who reads what: the offices, the manager and an engaged auditor every entry and the ranking; a bank
 * or guarantor only its own entry of a submitted round, without the rank (the ranking names the other
 * partners, DOMAIN.md §2); an enterprise nothing.
 */
export class EvaluationService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
  ) {}

  private half(period: string): HalfYear {
    if (!isHalfYear(period)) throw badInput('evaluation.badHalf', {});
    return halfYear(period);
  }

  /** Computes (or recomputes, while a draft) the round of a half year, as of min(half end, today). */
  compute(actor: Actor, period: string): Promise<EvaluationRoundRow> {
    return this.useCases.run(actor, 'evaluation.compute', async ({ em, scope, target, detail }) => {
      const half = this.half(period);
      const today = this.clock.today();
      if (compareDates(half.from, today) > 0)
        throw badInput('evaluation.notStarted', { half: half.half, date: today });
      const asOf = compareDates(half.to, today) < 0 ? half.to : today;
      const policy = scope.policy;
      const existing = await this.lockRound(em, half.half);
      if (existing?.status === 'SUBMITTED') {
        throw conflict(
          'evaluation.frozen',
          { half: half.half, date: existing.submittedOn ?? '' },
          policy.provisions.partnerEvaluation.article,
        );
      }
      const weights = Object.fromEntries(
        EVALUATION_CRITERIA.map((c) => [c, policy.evaluationWeights.value[c].toString()]),
      );
      let roundId = existing?.id;
      if (roundId) {
        await em.query(
          `UPDATE evaluation_rounds SET as_of = $2, policy_id = $3, weights = $4, computed_by = $5, computed_on = $6 WHERE id = $1`,
          [roundId, asOf, policy.id, JSON.stringify(weights), actor.userId, today],
        );
      } else {
        [{ id: roundId }] = (await em.query(
          `INSERT INTO evaluation_rounds (half, period_from, period_to, as_of, policy_id, weights, computed_by, computed_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [half.half, half.from, half.to, asOf, policy.id, JSON.stringify(weights), actor.userId, today],
        )) as { id: string }[];
      }
      target('EvaluationRound', roundId!);
      const indicators = await this.indicators(em, half, asOf, policy);
      for (const i of indicators) {
        await em.query(
          `INSERT INTO evaluation_entries (round_id, partner_id, partner_kind, indicators, measured_scores)
           VALUES ($1, $2, $3, $4, '{}'::jsonb)
           ON CONFLICT (round_id, partner_id) DO UPDATE SET indicators = EXCLUDED.indicators`,
          [roundId, i.partnerId, i.kind, JSON.stringify(i)],
        );
      }
      await this.rescore(em, roundId!, policy);
      detail({ half: half.half, asOf, partners: indicators.length, policy: policy.id });
      return this.loadRound(em, actor, half.half);
    });
  }

  /** The manager's scores on the qualitative criteria (0–100) of one partner in a draft round. */
  score(
    actor: Actor,
    entryId: string,
    input: { productInnovation: string; workEffectiveness: string; comment?: string | null },
  ): Promise<EvaluationRoundRow> {
    return this.useCases.run(actor, 'evaluation.score', async ({ em, scope, target, detail }) => {
      if (!isUuid(entryId)) throw new AppError(ERROR_CODES.NOT_FOUND, 'evaluation.entryNotFound', {});
      target('EvaluationEntry', entryId);
      const w = scope.where('evaluation.score', 'PartnerEvaluation', 'e');
      const [sql, values] = em.connection.driver.escapeQueryWithParameters(
        `SELECT e.round_id AS "roundId", r.half, r.status, to_char(r.submitted_on, 'YYYY-MM-DD') AS "submittedOn"
           FROM evaluation_entries e JOIN evaluation_rounds r ON r.id = e.round_id
          WHERE e.id = :entryId AND ${w.sql} FOR UPDATE OF r`,
        { ...w.params, entryId },
      );
      const [row] = (await em.query(sql, values)) as {
        roundId: string;
        half: string;
        status: string;
        submittedOn: string | null;
      }[];
      if (!row) throw new AppError(ERROR_CODES.NOT_FOUND, 'evaluation.entryNotFound', {});
      if (row.status === 'SUBMITTED') {
        throw conflict(
          'evaluation.frozen',
          { half: row.half, date: row.submittedOn ?? '' },
          scope.policy.provisions.partnerEvaluation.article,
        );
      }
      const innovation = parseJudgedScore(input.productInnovation);
      const effectiveness = parseJudgedScore(input.workEffectiveness);
      if (!innovation || !effectiveness) throw badInput('evaluation.badScore', {});
      await em.query(
        `UPDATE evaluation_entries SET innovation_score = $2, effectiveness_score = $3, score_comment = $4, scored_by = $5 WHERE id = $1`,
        [
          entryId,
          innovation.toFixed(2),
          effectiveness.toFixed(2),
          input.comment?.trim() || null,
          actor.userId,
        ],
      );
      await this.rescore(em, row.roundId, scope.policy);
      detail({
        half: row.half,
        productInnovation: innovation.toFixed(2),
        workEffectiveness: effectiveness.toFixed(2),
      });
      return this.loadRound(em, actor, row.half);
    });
  }

  /** Submits the round to the offices (Art 23: 将考核结果报…); every partner must be scored first. */
  submit(actor: Actor, period: string): Promise<EvaluationRoundRow> {
    return this.useCases.run(actor, 'evaluation.submit', async ({ em, scope, target, detail }) => {
      const half = this.half(period);
      const article = scope.policy.provisions.partnerEvaluation.article;
      const round = await this.lockRound(em, half.half);
      if (!round) throw roundNotFound(half.half);
      target('EvaluationRound', round.id);
      if (round.status === 'SUBMITTED') {
        throw conflict('evaluation.frozen', { half: half.half, date: round.submittedOn ?? '' }, article);
      }
      const [{ unscored }] = (await em.query(
        `SELECT count(*)::int AS unscored FROM evaluation_entries
          WHERE round_id = $1 AND (innovation_score IS NULL OR effectiveness_score IS NULL)`,
        [round.id],
      )) as { unscored: number }[];
      if (unscored > 0) throw policyViolation('evaluation.unscored', { count: unscored }, article);
      await em.query(
        `UPDATE evaluation_rounds SET status = 'SUBMITTED', submitted_by = $2, submitted_on = $3 WHERE id = $1`,
        [round.id, actor.userId, this.clock.today()],
      );
      detail({ half: half.half });
      return this.loadRound(em, actor, half.half);
    });
  }

  /** One half's round as the caller may see it (NOT_FOUND when none, or none it may see). */
  round(actor: Actor, period: string): Promise<EvaluationRoundRow> {
    const half = this.half(period);
    return this.access.read(actor, (scope) => this.loadRound(scope.em, actor, half.half, scope));
  }

  /** Every round the caller may see, newest half first (history across halves). */
  rounds(actor: Actor): Promise<EvaluationRoundRow[]> {
    return this.access.read(actor, async (scope) => {
      const halves = (await scope.em.query(`SELECT half FROM evaluation_rounds r ORDER BY half DESC`)) as {
        half: string;
      }[];
      const out: EvaluationRoundRow[] = [];
      for (const { half } of halves) {
        const r = await this.loadRound(scope.em, actor, half, scope).catch((err: unknown) => {
          if (err instanceof AppError && err.code === ERROR_CODES.NOT_FOUND) return null;
          throw err;
        });
        if (r) out.push(r);
      }
      return out;
    });
  }

  private async lockRound(
    em: EntityManager,
    half: string,
  ): Promise<{ id: string; status: string; submittedOn: string | null } | undefined> {
    const [row] = (await em.query(
      `SELECT id, status, to_char(submitted_on, 'YYYY-MM-DD') AS "submittedOn" FROM evaluation_rounds WHERE half = $1 FOR UPDATE`,
      [half],
    )) as { id: string; status: string; submittedOn: string | null }[];
    return row;
  }

  private async loadRound(
    em: EntityManager,
    actor: Actor,
    half: string,
    scope?: Scope,
  ): Promise<EvaluationRoundRow> {
    const programme = OPERATORS.includes(actor.orgKind);
    const partner = actor.orgKind === 'LENDING_BANK' || actor.orgKind === 'GUARANTOR';
    const [round] = (await em.query(`SELECT ${ROUND} FROM evaluation_rounds r WHERE r.half = $1`, [
      half,
    ])) as Omit<EvaluationRoundRow, 'entries'>[];
    // A partner sees a round only once submitted (a draft is the manager's work in progress).
    if (!round || (!programme && !(partner && round.status === 'SUBMITTED'))) throw roundNotFound(half);
    let sql = `SELECT ${ENTRY} FROM evaluation_entries e JOIN organizations o ON o.id = e.partner_id WHERE e.round_id = :round`;
    let params: Record<string, unknown> = { round: round.id };
    if (scope) {
      const w = scope.where('read', 'PartnerEvaluation', 'e');
      sql += ` AND ${w.sql}`;
      params = { ...params, ...w.params };
    } else if (!programme) {
      sql += ' AND e.partner_id = :own';
      params.own = actor.orgId;
    }
    sql += ` ORDER BY e.partner_kind, e.rank NULLS LAST, o.name`;
    const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, params);
    const entries = ((await em.query(text, values)) as EvaluationEntryRow[]).map((e) =>
      programme ? e : { ...e, rank: null },
    );
    return { ...round, entries };
  }

  /** Scores, totals and ranks of every entry of a draft round from its stored figures. */
  private async rescore(em: EntityManager, roundId: string, policy: PolicyParameters): Promise<void> {
    const rows = (await em.query(
      `SELECT id, partner_id AS "partnerId", partner_kind AS "partnerKind", indicators,
              innovation_score::text AS "innovationScore", effectiveness_score::text AS "effectivenessScore"
         FROM evaluation_entries WHERE round_id = $1`,
      [roundId],
    )) as {
      id: string;
      partnerId: string;
      partnerKind: PartnerKind;
      indicators: StoredIndicators;
      innovationScore: string | null;
      effectivenessScore: string | null;
    }[];
    const rate = (v: string | null) => (v === null ? null : Rate.of(v));
    const figures: PartnerIndicators[] = rows.map((r) => ({
      partnerId: r.partnerId,
      kind: r.partnerKind,
      loansGranted: r.indicators.loansGranted,
      amountGranted: Money.of(r.indicators.amountGranted),
      enterprises: r.indicators.enterprises,
      firstTimeBorrowers: r.indicators.firstTimeBorrowers,
      loanShare: rate(r.indicators.loanShare),
      registrationTimeliness: rate(r.indicators.registrationTimeliness),
      remittanceTimeliness: rate(r.indicators.remittanceTimeliness),
      overdueRate: Rate.of(r.indicators.overdueRate),
      compensationRate: Rate.of(r.indicators.compensationRate),
    }));
    const judged = new Map<string, JudgedScores>(
      rows.map((r) => [
        r.partnerId,
        {
          productInnovation: r.innovationScore === null ? null : new Decimal(r.innovationScore),
          workEffectiveness: r.effectivenessScore === null ? null : new Decimal(r.effectivenessScore),
        },
      ]),
    );
    const results = evaluatePartners(figures, judged, policy);
    for (const [i, res] of results.entries()) {
      const scores = Object.fromEntries(
        EVALUATION_CRITERIA.map((c) => [c, res.scores[c]?.toFixed(2) ?? null]),
      );
      await em.query(
        `UPDATE evaluation_entries SET measured_scores = $2, total_score = $3, rank = $4 WHERE id = $1`,
        [rows[i].id, JSON.stringify(scores), res.total?.toFixed(2) ?? null, res.rank],
      );
    }
  }

  /**
   * The measured indicators of every bank and guarantor of the programme (not disqualified) over the
   * half year up to `asOf`, one statement per kind. A bank's loans are those it issued, a guarantor's
   * those it guarantees; registration, library share and remittance are a bank's duties only.
   */
  private async indicators(
    em: EntityManager,
    half: HalfYear,
    asOf: string,
    policy: PolicyParameters,
  ): Promise<(StoredIndicators & { partnerId: string; kind: PartnerKind })[]> {
    const out: (StoredIndicators & { partnerId: string; kind: PartnerKind })[] = [];
    const overdueSince = addDays(asOf as IsoDate, -policy.riskOverdueDays.value);
    for (const kind of ['LENDING_BANK', 'GUARANTOR'] as const) {
      const col = kind === 'LENDING_BANK' ? 'bank_id' : 'guarantor_id';
      const rows = (await em.query(
        `WITH p AS (SELECT id FROM organizations WHERE kind = $1 AND status <> 'DISQUALIFIED'),
         granted AS (
           SELECT l.${col} AS pid, count(*)::int AS loans, COALESCE(sum(l.principal), 0)::text AS amount,
                  count(DISTINCT l.enterprise_id)::int AS enterprises,
                  count(DISTINCT l.enterprise_id) FILTER (WHERE NOT EXISTS (
                    SELECT 1 FROM loans f WHERE f.enterprise_id = l.enterprise_id AND f.issued_on < $2))::int AS first_time
             FROM loans l WHERE l.covered AND l.issued_on BETWEEN $2 AND $3 GROUP BY 1),
         book AS (
           SELECT l.${col} AS pid, COALESCE(sum(l.ip_pledged_principal), 0) AS lent,
                  COALESCE(sum(l.ip_pledged_principal) FILTER (WHERE l.status <> 'CLOSED'
                    AND l.earliest_unpaid_due_date IS NOT NULL AND l.earliest_unpaid_due_date <= $4), 0) AS overdue
             FROM loans l WHERE l.covered AND l.issued_on <= $3 GROUP BY 1),
         comp AS (
           SELECT c.${col} AS pid, COALESCE(sum(c.final_fund_share), 0) AS paid
             FROM claims c WHERE c.status IN ('APPROVED','PAID') AND c.approved_on BETWEEN $2 AND $3 GROUP BY 1),
         lib AS (
           SELECT e.created_by_org_id AS pid, count(*)::int AS added,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = e.id
                    AND l.bank_id = e.created_by_org_id AND l.issued_on <= $3))::int AS borrowed
             FROM enterprises e WHERE e.created_by_org_id IS NOT NULL GROUP BY 1),
         reg AS (
           SELECT l.bank_id AS pid, count(*)::int AS known,
                  count(*) FILTER (WHERE r.day - l.issued_on <= $5)::int AS timely
             FROM loans l
             JOIN LATERAL (SELECT min(a.business_date) AS day FROM activity_log a
                            WHERE a.operation = 'loan.register' AND a.outcome = 'OK' AND a.target_id = l.id::text) r
               ON r.day IS NOT NULL
            WHERE l.covered AND l.issued_on BETWEEN $2 AND $3 GROUP BY 1),
         rem AS (
           SELECT r.bank_id AS pid, count(*)::int AS due,
                  count(*) FILTER (WHERE r.remitted_on IS NOT NULL AND r.remitted_on <= r.due_on)::int AS on_time
             FROM recoveries r WHERE r.due_on BETWEEN $2 AND $3 GROUP BY 1)
         SELECT p.id, COALESCE(g.loans, 0) AS loans, COALESCE(g.amount, '0') AS amount,
                COALESCE(g.enterprises, 0) AS enterprises, COALESCE(g.first_time, 0) AS first_time,
                COALESCE(b.lent, 0)::text AS lent, COALESCE(b.overdue, 0)::text AS overdue,
                COALESCE(c.paid, 0)::text AS paid, lib.added, lib.borrowed, reg.known, reg.timely, rem.due, rem.on_time
           FROM p LEFT JOIN granted g ON g.pid = p.id LEFT JOIN book b ON b.pid = p.id LEFT JOIN comp c ON c.pid = p.id
           LEFT JOIN lib ON lib.pid = p.id LEFT JOIN reg ON reg.pid = p.id LEFT JOIN rem ON rem.pid = p.id
          ORDER BY p.id`,
        [kind, half.from, asOf, overdueSince, policy.registrationTimelyDays.value],
      )) as {
        id: string;
        loans: number;
        amount: string;
        enterprises: number;
        first_time: number;
        lent: string;
        overdue: string;
        paid: string;
        added: number | null;
        borrowed: number | null;
        known: number | null;
        timely: number | null;
        due: number | null;
        on_time: number | null;
      }[];
      const bank = kind === 'LENDING_BANK';
      for (const r of rows) {
        out.push({
          partnerId: r.id,
          kind,
          loansGranted: r.loans,
          amountGranted: Money.of(new Decimal(r.amount).toFixed(2)).toString(),
          enterprises: r.enterprises,
          firstTimeBorrowers: r.first_time,
          loanShare: bank && r.added ? (ratio(r.borrowed ?? 0, r.added)?.toString() ?? null) : null,
          registrationTimeliness:
            bank && r.known ? (ratio(r.timely ?? 0, r.known)?.toString() ?? null) : null,
          remittanceTimeliness: bank && r.due ? (ratio(r.on_time ?? 0, r.due)?.toString() ?? null) : null,
          overdueRate: (ratio(r.overdue, r.lent) ?? Rate.zero()).toString(),
          compensationRate: (ratio(r.paid, r.lent) ?? Rate.zero()).toString(),
        });
      }
    }
    return out;
  }
}
