import { NO_DAY, dayNumber, toFen } from '@ipfund/forecast';
import { Money, type IsoDate } from '@ipfund/policy';
import type { Scope } from '../../authz/scope';

/**
 * The covered portfolio and its status history as the forecast needs them, read in one statement
 * through the caller's scope. At 200,000 loans, rows through TypeORM and a JS object per loan and per
 * report were most of the request (≈ 4 s of SQL and 5 s of CPU reading them); here each column comes
 * back as one bytea of fixed-width big-endian values (`string_agg(int4send(…))`), decoded into typed
 * arrays without a row object or a text parse per value. Every aggregate of a statement reads the same
 * rows in the same order, so the columns line up; the portfolio's order (loan.seq) is restored here
 * from the seq column, never assumed from the plan.
 */

/** A claim's bearing on its loan's start state, per loan (the loan's live claim: not rejected). */
export const CLAIM_NONE = 0;
export const CLAIM_OPEN = 1;
export const CLAIM_APPROVED = 2;
export const CLAIM_PAID = 3;

export interface PortfolioRead {
  /** Covered loans the caller may read, in portfolio order (loan.seq). */
  readonly count: number;
  readonly seq: Float64Array;
  /** Index into `bankIds`. */
  readonly bank: Int32Array;
  readonly bankIds: readonly string[];
  /** Index into `enterpriseIds`. */
  readonly enterprise: Int32Array;
  readonly enterpriseIds: readonly string[];
  readonly principalFen: Float64Array;
  readonly ipPledgedFen: Float64Array;
  readonly outstandingFen: Float64Array;
  readonly issuedDay: Int32Array;
  readonly maturesDay: Int32Array;
  /** The earliest unpaid due date's day number, or NO_DAY. */
  readonly dueDay: Int32Array;
  /** The day the first claim on the loan was filed (any status), or NO_DAY (`withClaims`). */
  readonly claimFiledDay: Int32Array;
  readonly threeParty: Uint8Array;
  /** Closed or compensated: history only, nothing left to forecast. */
  readonly gone: Uint8Array;
  /** CLAIM_* of the loan's live claim (`withClaims`). */
  readonly claim: Uint8Array;
  /** The live claim's finally approved F (fen), 0 if none (`withClaims`). */
  readonly approvedFundShareFen: Float64Array;
}

export interface HistoryRead {
  readonly reports: number;
  /** Reports of loan j (portfolio order): [offset[j], offset[j + 1]), by day then as recorded. */
  readonly offset: Int32Array;
  readonly day: Int32Array;
  readonly dueDay: Int32Array;
  readonly closed: Uint8Array;
}

const EPOCH = "DATE '1970-01-01'";
// A local binding: globals are slow to reach from a vm context (jest runs the benchmark in one).
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const imul = Math.imul;

/**
 * One bytea column of fixed-width big-endian values. Decoded by copying into an aligned typed array and
 * swapping the bytes natively (Buffer.swap32/64/16): no per-value DataView call.
 */
class Columns {
  private readonly buf: Buffer;

  constructor(buf: Buffer | null, width: number, n: number, what: string) {
    const b = buf ?? Buffer.alloc(0);
    if (b.length !== width * n) throw new Error(`forecast read: ${what} has ${b.length} bytes for ${n} rows`);
    this.buf = b;
  }

  private swapped<T extends Int32Array | Int16Array>(out: T, swap: (b: Buffer) => void): T {
    const bytes = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    this.buf.copy(bytes);
    if (bytes.length) swap(bytes);
    return out;
  }

  int32(n: number): Int32Array {
    return this.swapped(new Int32Array(n), (b) => b.swap32());
  }

  int16(n: number): Int16Array {
    return this.swapped(new Int16Array(n), (b) => b.swap16());
  }

  /** int8 values (amounts in fen, sequence numbers): exact as doubles below 2^53. */
  int64(n: number): Float64Array {
    const words = this.swapped(new Int32Array(2 * n), (b) => b.swap64());
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = words[2 * i + 1] * 4_294_967_296 + (words[2 * i] >>> 0);
      if (!(v <= MAX_SAFE && v >= -MAX_SAFE)) {
        throw new RangeError('forecast read: an int8 beyond 2^53');
      }
      out[i] = v;
    }
    return out;
  }

  /**
   * uuid_send values as a dictionary: each distinct id once (as text), and its index per row. An
   * open-addressing table over the ids' 32-bit words: no string is made per row, only per distinct id.
   */
  uuids(n: number): { index: Int32Array; ids: string[] } {
    const index = new Int32Array(n);
    const words = this.swapped(new Int32Array(4 * n), () => undefined);
    const ids: string[] = [];
    let size = 64;
    while (size < 2 * n) size *= 2;
    const table = new Int32Array(size).fill(-1);
    const first: number[] = [];
    for (let i = 0; i < n; i++) {
      const w0 = words[4 * i];
      const w1 = words[4 * i + 1];
      const w2 = words[4 * i + 2];
      const w3 = words[4 * i + 3];
      let h =
        (imul(w0 ^ imul(w1, 0x9e3779b1) ^ imul(w2, 0x85ebca6b) ^ imul(w3, 0xc2b2ae35), 0x27d4eb2f) >>> 7) &
        (size - 1);
      for (;;) {
        const k = table[h];
        if (k < 0) {
          table[h] = ids.length;
          first.push(i);
          const hex = this.buf.toString('hex', i * 16, i * 16 + 16);
          ids.push(
            `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
          );
          index[i] = table[h];
          break;
        }
        const j = first[k];
        if (
          words[4 * j] === w0 &&
          words[4 * j + 1] === w1 &&
          words[4 * j + 2] === w2 &&
          words[4 * j + 3] === w3
        ) {
          index[i] = k;
          break;
        }
        h = (h + 1) & (size - 1);
      }
    }
    return { index, ids };
  }
}

/** Positions sorted by seq (ascending): seq × 2^bits + position sorted as doubles when that is exact. */
function orderOf(seq: Float64Array): Int32Array {
  const n = seq.length;
  const order = new Int32Array(n);
  let sorted = true;
  let max = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && seq[i] < seq[i - 1]) sorted = false;
    if (seq[i] > max) max = seq[i];
  }
  if (sorted) return order;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  if ((max + 1) * scale <= Number.MAX_SAFE_INTEGER && seq.every((s) => s >= 0)) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = seq[i] * scale + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i] % scale;
    return order;
  }
  return order.sort((a, b) => seq[a] - seq[b]);
}

function permute<T extends Int32Array | Float64Array | Uint8Array>(a: T, order: Int32Array): T {
  const out = new (a.constructor as new (n: number) => T)(a.length);
  for (let j = 0; j < order.length; j++) out[j] = a[order[j]];
  return out;
}

interface PortfolioRow {
  n: number;
  seq: Buffer | null;
  bank: Buffer | null;
  enterprise: Buffer | null;
  principal: Buffer | null;
  ip: Buffer | null;
  outstanding: Buffer | null;
  issued: Buffer | null;
  matures: Buffer | null;
  due: Buffer | null;
  flags: Buffer | null;
  reports: Buffer | null;
  report_bytes: Buffer | null;
}

/**
 * A status report's five 32-bit words: as_of, earliest unpaid due date (or NO_DAY), closed (0/1), and its
 * id's high and low words. Unordered in the statement (an ORDER BY per loan's aggregate cost a sort per
 * loan, 200,000 of them); put in order here.
 */
const REPORT_WORDS = 5;

/**
 * The covered loans the caller may read and their status reports (readable exactly when their loan is,
 * as `Scope.loanStatusReports`; by day, a day's reports in the order recorded), through the scope's Loan
 * predicate. The claims' facts (`claim`, `approvedFundShareFen`, `claimFiledDay`) are empty here:
 * `withClaims` adds them from the claims the caller reads.
 */
export async function readPortfolio(
  scope: Scope,
  goneStatuses: readonly string[],
  /** Wraps each statement (the caller times the round trips apart from the decoding). */
  timed: <T>(q: Promise<T>) => Promise<T> = (q) => q,
): Promise<{ portfolio: PortfolioRead; history: HistoryRead }> {
  // Settings for this transaction only (they end with the read). The statement's cost is estimated far
  // above its run time (row-level security's predicates defeat the estimates), so PostgreSQL would
  // JIT-compile it: 0.7 s of compiling for a second of running at 200,000 loans. And the hash of the
  // loans it joins the reports to is ≈ 28 MB there: with the default 4 MB it spills in batches to disk.
  await timed(scope.em.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"));
  const loanWhere = scope.where('read', 'Loan', 'loan');
  const [row] = await timed(
    scope.query<PortfolioRow>(
      `WITH rep AS (
       SELECT r.loan_id, count(*)::int AS n,
              string_agg(int4send(r.as_of - ${EPOCH})
                         || int4send(COALESCE(r.earliest_unpaid_due_date - ${EPOCH}, :noDay))
                         || int4send(r.closed::int) || int8send(r.id), ''::bytea) AS b
         FROM loan_status_reports r
        GROUP BY r.loan_id
     )
     SELECT count(*)::int AS n,
       string_agg(int8send(loan.seq), ''::bytea) AS seq,
       string_agg(uuid_send(loan.bank_id), ''::bytea) AS bank,
       string_agg(uuid_send(loan.enterprise_id), ''::bytea) AS enterprise,
       string_agg(int8send((loan.principal * 100)::int8), ''::bytea) AS principal,
       string_agg(int8send((loan.ip_pledged_principal * 100)::int8), ''::bytea) AS ip,
       string_agg(int8send((loan.outstanding_principal * 100)::int8), ''::bytea) AS outstanding,
       string_agg(int4send(loan.issued_on - ${EPOCH}), ''::bytea) AS issued,
       string_agg(int4send(loan.matures_on - ${EPOCH}), ''::bytea) AS matures,
       string_agg(int4send(COALESCE(loan.earliest_unpaid_due_date - ${EPOCH}, :noDay)), ''::bytea) AS due,
       string_agg(int2send(((CASE WHEN loan.guarantor_id IS NULL THEN 0 ELSE 1 END)
                           + (CASE WHEN loan.status = ANY(:gone) THEN 2 ELSE 0 END))::int2), ''::bytea) AS flags,
       string_agg(int4send(COALESCE(rep.n, 0)), ''::bytea) AS reports,
       string_agg(rep.b, ''::bytea) AS report_bytes
       FROM loans loan
       LEFT JOIN rep ON rep.loan_id = loan.id
      WHERE loan.covered = true AND ${loanWhere.sql}`,
      { ...loanWhere.params, gone: [...goneStatuses], noDay: NO_DAY },
    ),
  );
  const n = row?.n ?? 0;
  const col = (buf: Buffer | null, width: number, what: string) => new Columns(buf, width, n, what);
  const seq = col(row?.seq ?? null, 8, 'seq').int64(n);
  const order = orderOf(seq);
  const banks = col(row?.bank ?? null, 16, 'bank').uuids(n);
  const enterprises = col(row?.enterprise ?? null, 16, 'enterprise').uuids(n);
  const flags = col(row?.flags ?? null, 2, 'flags').int16(n);
  const threeParty = new Uint8Array(n);
  const gone = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    threeParty[i] = flags[i] & 1;
    gone[i] = (flags[i] >> 1) & 1;
  }
  const portfolio: PortfolioRead = {
    count: n,
    seq: permute(seq, order),
    bank: permute(banks.index, order),
    bankIds: banks.ids,
    enterprise: permute(enterprises.index, order),
    enterpriseIds: enterprises.ids,
    principalFen: permute(col(row?.principal ?? null, 8, 'principal').int64(n), order),
    ipPledgedFen: permute(col(row?.ip ?? null, 8, 'ip').int64(n), order),
    outstandingFen: permute(col(row?.outstanding ?? null, 8, 'outstanding').int64(n), order),
    issuedDay: permute(col(row?.issued ?? null, 4, 'issued').int32(n), order),
    maturesDay: permute(col(row?.matures ?? null, 4, 'matures').int32(n), order),
    dueDay: permute(col(row?.due ?? null, 4, 'due').int32(n), order),
    claimFiledDay: new Int32Array(n).fill(NO_DAY),
    threeParty: permute(threeParty, order),
    gone: permute(gone, order),
    claim: new Uint8Array(n),
    approvedFundShareFen: new Float64Array(n),
  };

  // The reports, loan by loan in the statement's order; regrouped in portfolio order.
  const counts = col(row?.reports ?? null, 4, 'reports').int32(n);
  const from = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) from[i + 1] = from[i] + counts[i];
  const m = from[n];
  const words = new Columns(row?.report_bytes ?? null, 4 * REPORT_WORDS, m, 'reports').int32(
    REPORT_WORDS * m,
  );
  const offset = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) offset[j + 1] = offset[j] + counts[order[j]];
  const day = new Int32Array(m);
  const dueDay = new Int32Array(m);
  const closed = new Uint8Array(m);
  const id = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const start = offset[j];
    for (let k = from[i], a = start; k < from[i + 1]; k++, a++) {
      const w = k * REPORT_WORDS;
      // By day, then id (the order recorded): a handful per loan, sorted by insertion.
      const d = words[w];
      const due = words[w + 1];
      const c = words[w + 2];
      const r = words[w + 3] * 4_294_967_296 + (words[w + 4] >>> 0);
      let b = a - 1;
      while (b >= start && (day[b] > d || (day[b] === d && id[b] > r))) {
        day[b + 1] = day[b];
        dueDay[b + 1] = dueDay[b];
        closed[b + 1] = closed[b];
        id[b + 1] = id[b];
        b--;
      }
      day[b + 1] = d;
      dueDay[b + 1] = due;
      closed[b + 1] = c;
      id[b + 1] = r;
    }
  }
  return { portfolio, history: { reports: m, offset, day, dueDay, closed } };
}

/** A claim as the forecast's claims statement reads it (in the order filed, then numbered). */
export interface ClaimFacts {
  /** loans.seq of the claim's loan (null when the loan is not readable). */
  readonly loan_seq: string | null;
  readonly status: string;
  readonly filed_on: IsoDate;
  readonly final_fund_share: string | null;
}

/**
 * The portfolio with each loan's claims: its live claim (the last not rejected, in the order given —
 * filed, then numbered) with its finally approved F, and the day its first claim was filed. From the
 * claims statement the forecast reads anyway (a thousand rows), not joined into the portfolio's.
 */
export function withClaims(
  p: PortfolioRead,
  claims: readonly ClaimFacts[],
  status: {
    readonly rejected: string;
    readonly open: readonly string[];
    readonly approved: string;
    readonly paid: string;
  },
): PortfolioRead {
  const claim = new Uint8Array(p.count);
  const approvedFundShareFen = new Float64Array(p.count);
  const claimFiledDay = new Int32Array(p.count).fill(NO_DAY);
  const open = new Set(status.open);
  for (const c of claims) {
    if (c.loan_seq === null) continue;
    const seq = Number(c.loan_seq);
    // The loan's position: seq ascends along the portfolio.
    let lo = 0;
    let hi = p.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p.seq[mid] < seq) lo = mid + 1;
      else hi = mid;
    }
    if (p.count === 0 || p.seq[lo] !== seq) continue;
    if (claimFiledDay[lo] === NO_DAY) claimFiledDay[lo] = dayNumber(c.filed_on);
    if (c.status === status.rejected) continue;
    claim[lo] = open.has(c.status)
      ? CLAIM_OPEN
      : c.status === status.approved
        ? CLAIM_APPROVED
        : c.status === status.paid
          ? CLAIM_PAID
          : CLAIM_NONE;
    approvedFundShareFen[lo] = c.final_fund_share === null ? 0 : toFen(Money.of(c.final_fund_share));
  }
  return { ...p, claim, approvedFundShareFen, claimFiledDay };
}
