import type { EntityManager } from 'typeorm';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';

export interface ActivityEntry {
  operation: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  /** The article that gave the power (OK) or refused it (REFUSED); the browser filters on it. */
  article?: string;
}

/** A string in the record keeps its first characters and notes how long it was. */
export const ACTIVITY_STRING_LIMIT = 200;
/** The whole detail, as JSON, in bytes: the record is append-only and read by people. */
export const ACTIVITY_DETAIL_LIMIT = 4096;
const ARRAY_LIMIT = 20;
const DEPTH_LIMIT = 4;

/** NUL and lone surrogates: jsonb refuses them, and a refusal must still be recordable. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storable(s: string): string {
  return s.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}

function boundValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length > ACTIVITY_STRING_LIMIT
      ? `${storable(value.slice(0, ACTIVITY_STRING_LIMIT))}… [${value.length} characters]`
      : storable(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= DEPTH_LIMIT) return '[nested too deep]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, ARRAY_LIMIT).map((v) => boundValue(v, depth + 1));
    return value.length > ARRAY_LIMIT ? [...kept, `… [${value.length} items]`] : kept;
  }
  // Money, Decimal, Date and the like: their JSON form, then bounded like any other value.
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return boundValue(json.call(value), depth);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      storable(k.slice(0, ACTIVITY_STRING_LIMIT)),
      boundValue(v, depth + 1),
    ]),
  );
}

/**
 * What the record keeps of a use case's facts: strings over 200 characters cut with an ellipsis
 * and their length, lists cut after 20 items, and the whole JSON at most 4 KB (else a short
 * preview and its size). A refused request carrying 10 MB must not write 10 MB into the log.
 */
export function boundDetail(detail: Record<string, unknown>): string {
  const json = JSON.stringify(boundValue(detail, 0)) ?? '{}';
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= ACTIVITY_DETAIL_LIMIT) return json;
  return JSON.stringify({
    truncated: true,
    bytes,
    preview: `${storable(json.slice(0, 1000))}…`,
    ...(typeof detail.reason === 'string' ? { reason: detail.reason } : {}),
  });
}

/**
 * Appends to the activity record. A successful use case calls `ok` inside its own transaction, so
 * the record and the change commit together. A refused one calls `refused` outside the rolled-back
 * transaction, so attempts are on record too.
 *
 * The record is a hash chain: the insert trigger takes the chain head's row lock and holds it to the
 * end of the transaction, so a writer appends its record as the LAST statement of its transaction
 * (the lock is then held for the insert and the commit only, and concurrent writers queue briefly).
 */
export class ActivityRecorder {
  constructor(private readonly clock: BusinessClock) {}

  async ok(em: EntityManager, actor: Actor | null, entry: ActivityEntry): Promise<void> {
    await this.write(em, actor, entry, 'OK');
  }

  async refused(em: EntityManager, actor: Actor | null, entry: ActivityEntry, reason: string): Promise<void> {
    await this.write(em, actor, { ...entry, detail: { ...entry.detail, reason } }, 'REFUSED');
  }

  private async write(
    em: EntityManager,
    actor: Actor | null,
    entry: ActivityEntry,
    outcome: 'OK' | 'REFUSED',
  ) {
    // JSON round trip: the record keeps plain data only (Money and Decimal become strings), bounded.
    await em.query(
      `INSERT INTO activity_log (business_date, user_id, organization_id, org_kind, operation, target_type, target_id, outcome, detail, article)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [
        this.clock.today(),
        actor?.userId ?? null,
        actor?.orgId ?? null,
        actor?.orgKind ?? null,
        entry.operation,
        entry.targetType ?? null,
        entry.targetId ?? null,
        outcome,
        boundDetail(entry.detail ?? {}),
        entry.article ?? null,
      ],
    );
  }
}
