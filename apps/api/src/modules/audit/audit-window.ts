import type { PolicyParameters } from '@ipfund/policy';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../authz/actor';
import { forbidden, type AppError } from '../../common/errors';

/**
 * The auditor's window (Art 20): an audit firm reads the programme only while an engagement of its
 * organisation, made by the IP bureau, is active at the business date.
 *
 * `auditWindowRefusal` runs when `Access` opens a read snapshot for an AUDITOR. It sets the business
 * date for the database (`app.business_date`, read by `ipfund_audit_engaged()` and through it by
 * `ipfund_sees_all()` in every RLS policy), and answers the FORBIDDEN (with the article) that every read
 * of the snapshot is then refused with, when
 * no engagement is active — a clear answer for the root query rather than empty pages that look like
 * an empty programme. The database wall holds on its own: without an active engagement the auditor's
 * queries see no rows, whatever the application asks.
 */
export async function auditWindowRefusal(
  em: EntityManager,
  actor: Pick<Actor, 'orgId' | 'orgKind'>,
  today: string,
  policy: PolicyParameters,
): Promise<AppError | null> {
  const [row] = (await em.query(
    `SELECT set_config('app.business_date', $1, true) AS day,
            EXISTS (SELECT 1 FROM audit_engagements e
                     WHERE e.auditor_org_id = $2 AND e.status = 'ACTIVE'
                       AND e.starts_on <= $1::date AND $1::date <= e.ends_on) AS engaged`,
    [today, actor.orgId],
  )) as { engaged: boolean }[];
  return row?.engaged
    ? null
    : forbidden('audit.outsideWindow', { date: today }, policy.provisions.audit.article);
}

/** The same, thrown. */
export async function requireAuditWindow(
  em: EntityManager,
  actor: Pick<Actor, 'orgId' | 'orgKind'>,
  today: string,
  policy: PolicyParameters,
): Promise<void> {
  const refusal = await auditWindowRefusal(em, actor, today, policy);
  if (refusal) throw refusal;
}
