import type { Operation } from '@ipfund/shared';
import { compareDates, type IsoDate } from '@ipfund/policy';
import { ERROR_CODES } from '@ipfund/shared';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { AppError, badInput, conflict, forbidden } from '../../common/errors';
import type { UseCaseRunner } from '../../common/use-case';
import { computeFundReport, type FundReportContent } from './report.compute';
import { contentHash, parsePeriod, periodLabelZh, quarterOf, type Period } from './report.period';

export interface ReportAcknowledgement {
  orgKind: string;
  orgName: string;
  userName: string;
  acknowledgedOn: IsoDate;
  acknowledgedAt: Date;
  comment: string | null;
}

export interface ReportVersion {
  id: string;
  period: string;
  version: number;
  contentHash: string;
  /** The stored figures still hash to the stored hash (nothing altered them since issue). */
  hashVerified: boolean;
  reason: string | null;
  issuedOn: IsoDate;
  issuedByName: string;
  issuedAt: Date;
  acknowledgements: ReportAcknowledgement[];
  /** Offices (of the measures in force) that have not acknowledged this version yet. */
  pendingOffices: string[];
}

export interface FundReportView {
  period: string;
  label: string;
  status: 'DRAFT' | 'ISSUED';
  /** The version shown (the latest issued), null for a draft. */
  version: number | null;
  versions: ReportVersion[];
  content: FundReportContent;
  viewerCan: Operation[];
}

export interface FundReportSummary {
  period: string;
  label: string;
  status: 'DRAFT' | 'ISSUED';
  latestVersion: number | null;
  versions: ReportVersion[];
  viewerCan: Operation[];
}

interface VersionRow {
  id: string;
  period: string;
  version: number;
  content: FundReportContent;
  content_hash: string;
  reason: string | null;
  issued_on: IsoDate;
  issued_by_name: string;
  issued_at: Date;
}

/**
 * The fund's operation reports (Art 6.6): computed from the ledger and the programme's records for
 * any quarter or year, issued (frozen) by the manager, corrected only by a new version with its
 * reason, acknowledged by each office. Read by the programme only (offices, manager, auditor):
 * a bank, guarantor or enterprise is refused, with the article.
 */
export class ReportService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly useCases: UseCaseRunner,
  ) {}

  /** The report of a period: its latest issued version, or the live figures marked as a draft. */
  report(actor: Actor, periodKey: string): Promise<FundReportView> {
    const period = parsePeriod(periodKey);
    return this.access.read(actor, async (scope) => {
      this.requireReader(scope);
      const versions = await this.versionsOf(scope, [period.key]);
      const latest = versions.at(-1);
      const content = latest
        ? latest.content
        : await computeFundReport(scope, period, this.clock.today(), scope.policy);
      const views = await this.versionViews(scope, versions);
      return {
        period: period.key,
        label: periodLabelZh(period),
        status: latest ? 'ISSUED' : 'DRAFT',
        version: latest?.version ?? null,
        versions: views,
        content,
        viewerCan: this.viewerCan(scope, period, views),
      };
    });
  }

  /** The live figures of a period, whatever was issued (what a correction would freeze). */
  live(actor: Actor, periodKey: string): Promise<FundReportContent> {
    const period = parsePeriod(periodKey);
    return this.access.read(actor, (scope) => {
      this.requireReader(scope);
      return computeFundReport(scope, period, this.clock.today(), scope.policy);
    });
  }

  /**
   * Every issued period, and the recent ones not issued yet as drafts (the quarters and years that
   * have ended, back to the start of last year), newest first.
   */
  reports(actor: Actor): Promise<FundReportSummary[]> {
    return this.access.read(actor, async (scope) => {
      this.requireReader(scope);
      const today = this.clock.today();
      const rows = await this.versionsOf(scope, null);
      const byPeriod = new Map<string, VersionRow[]>();
      for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
      const current = quarterOf(today);
      const recent: string[] = [];
      for (let y = current.year - 1; y <= current.year; y++) {
        for (let q = 1; q <= 4; q++) {
          const p = parsePeriod(`${y}-Q${q}`);
          if (compareDates(p.to, today) < 0 || p.key === current.key) recent.push(p.key);
        }
        recent.push(String(y));
      }
      const keys = [...new Set([...byPeriod.keys(), ...recent])];
      const periods = keys.map((k) => parsePeriod(k));
      periods.sort((a, b) => compareDates(b.to, a.to) || (a.kind === 'YEAR' ? -1 : 1));
      const out: FundReportSummary[] = [];
      for (const period of periods) {
        const versions = await this.versionViews(scope, byPeriod.get(period.key) ?? []);
        out.push({
          period: period.key,
          label: periodLabelZh(period),
          status: versions.length ? 'ISSUED' : 'DRAFT',
          latestVersion: versions.at(-1)?.version ?? null,
          versions,
          viewerCan: this.viewerCan(scope, period, versions),
        });
      }
      return out;
    });
  }

  /**
   * The manager issues the report of an ended period: the figures computed now are stored with their
   * hash and never change. Issuing again is a correction — a new version — and needs its reason.
   */
  issue(actor: Actor, periodKey: string, reason?: string | null): Promise<FundReportView> {
    const period = parsePeriod(periodKey);
    const why = reason?.trim() ? reason.trim() : null;
    return this.useCases
      .run(actor, 'report.issue', async ({ em, scope, target, detail }) => {
        const today = this.clock.today();
        const article = scope.policy.provisions.operationReports.article;
        if (compareDates(period.to, today) >= 0) {
          throw conflict('report.periodNotEnded', { period: period.key, to: period.to }, article);
        }
        // One issuer per period at a time: versions are numbered without gaps or duplicates.
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('fund_report:' || $1))`, [period.key]);
        const [{ n }] = (await em.query(
          `SELECT COALESCE(max(version), 0)::int AS n FROM fund_report_versions WHERE period = $1`,
          [period.key],
        )) as { n: number }[];
        if (n > 0 && !why)
          throw conflict('report.alreadyIssued', { period: period.key, version: n }, article);
        const content = await computeFundReport(scope, period, today, scope.policy);
        const hash = contentHash(content);
        const [row] = (await em.query(
          `INSERT INTO fund_report_versions
             (period, version, content, content_hash, reason, issued_on, issued_by, issued_by_org_id)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8) RETURNING id`,
          [
            period.key,
            n + 1,
            JSON.stringify(content),
            hash,
            n > 0 ? why : null,
            today,
            actor.userId,
            actor.orgId,
          ],
        )) as { id: string }[];
        target('FundReport', row.id);
        detail({ period: period.key, version: n + 1, contentHash: hash, ...(n > 0 ? { reason: why } : {}) });
        return null;
      })
      .then(() => this.report(actor, period.key));
  }

  /** An office acknowledges an issued version (once per office and version). */
  acknowledge(
    actor: Actor,
    periodKey: string,
    version: number,
    comment?: string | null,
  ): Promise<FundReportView> {
    const period = parsePeriod(periodKey);
    if (!Number.isInteger(version) || version < 1) {
      throw badInput('report.versionNotFound', { period: period.key, version: String(version) });
    }
    return this.useCases
      .run(actor, 'report.acknowledge', async ({ em, target, detail }) => {
        const [row] = (await em.query(
          `SELECT id FROM fund_report_versions WHERE period = $1 AND version = $2`,
          [period.key, version],
        )) as { id: string }[];
        if (!row) {
          throw new AppError(ERROR_CODES.NOT_FOUND, 'report.versionNotFound', {
            period: period.key,
            version,
          });
        }
        target('FundReport', row.id);
        const [done] = (await em.query(
          `SELECT 1 FROM fund_report_acknowledgements WHERE report_version_id = $1 AND organization_id = $2`,
          [row.id, actor.orgId],
        )) as unknown[];
        if (done) throw conflict('report.alreadyAcknowledged', { period: period.key, version });
        await em.query(
          `INSERT INTO fund_report_acknowledgements
             (report_version_id, organization_id, org_kind, user_id, comment, acknowledged_on)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.id, actor.orgId, actor.orgKind, actor.userId, comment?.trim() || null, this.clock.today()],
        );
        detail({ period: period.key, version });
        return null;
      })
      .then(() => this.report(actor, period.key));
  }

  // ---------------------------------------------------------------- internals

  private requireReader(scope: Scope): void {
    if (!scope.canRead('FundReport')) {
      throw forbidden('report.readers', {}, scope.policy.provisions.operationReports.article);
    }
  }

  private viewerCan(scope: Scope, period: Period, versions: ReportVersion[]): Operation[] {
    const ops: Operation[] = [];
    if (scope.mayTake('report.issue') && compareDates(period.to, this.clock.today()) < 0)
      ops.push('report.issue');
    const latest = versions.at(-1);
    if (
      latest &&
      scope.mayTake('report.acknowledge') &&
      latest.pendingOffices.includes(scope.actor.orgKind)
    ) {
      ops.push('report.acknowledge');
    }
    return ops;
  }

  private async versionsOf(scope: Scope, periods: string[] | null): Promise<VersionRow[]> {
    return (await scope.em.query(
      `SELECT v.id, v.period, v.version, v.content, v.content_hash, v.reason,
              to_char(v.issued_on, 'YYYY-MM-DD') AS issued_on, u.display_name AS issued_by_name, v.issued_at
         FROM fund_report_versions v JOIN user_names u ON u.id = v.issued_by
        WHERE $1::text[] IS NULL OR v.period = ANY($1::text[])
        ORDER BY v.period, v.version`,
      [periods],
    )) as VersionRow[];
  }

  private async versionViews(scope: Scope, rows: VersionRow[]): Promise<ReportVersion[]> {
    if (!rows.length) return [];
    const acks = (await scope.em.query(
      `SELECT a.report_version_id, a.org_kind, o.name AS org_name, u.display_name AS user_name,
              to_char(a.acknowledged_on, 'YYYY-MM-DD') AS acknowledged_on, a.acknowledged_at, a.comment
         FROM fund_report_acknowledgements a
         JOIN organizations o ON o.id = a.organization_id
         JOIN user_names u ON u.id = a.user_id
        WHERE a.report_version_id = ANY($1::uuid[])
        ORDER BY a.acknowledged_at`,
      [rows.map((r) => r.id)],
    )) as {
      report_version_id: string;
      org_kind: string;
      org_name: string;
      user_name: string;
      acknowledged_on: IsoDate;
      acknowledged_at: Date;
      comment: string | null;
    }[];
    const offices = scope.policy.coSigningOffices.value;
    return rows.map((r) => {
      const mine = acks
        .filter((a) => a.report_version_id === r.id)
        .map((a): ReportAcknowledgement => ({
          orgKind: a.org_kind,
          orgName: a.org_name,
          userName: a.user_name,
          acknowledgedOn: a.acknowledged_on,
          acknowledgedAt: a.acknowledged_at,
          comment: a.comment,
        }));
      return {
        id: r.id,
        period: r.period,
        version: r.version,
        contentHash: r.content_hash,
        hashVerified: contentHash(r.content) === r.content_hash,
        reason: r.reason,
        issuedOn: r.issued_on,
        issuedByName: r.issued_by_name,
        issuedAt: r.issued_at,
        acknowledgements: mine,
        pendingOffices: offices.filter((k) => !mine.some((a) => a.orgKind === k)),
      };
    });
  }
}
