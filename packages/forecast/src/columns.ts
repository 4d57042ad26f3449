import { daysBetween, type CooperationAgreement, type IsoDate, type Money } from '@ipfund/policy';
import { toFen } from './money-fen';

/** Where a covered loan stands on the forecast date. */
export type LoanStartState =
  | 'CURRENT'
  | 'OVERDUE_15'
  /** 60+ days behind, no claim filed yet: the bank may file now (Art 17). */
  | 'OVERDUE_60'
  /** A claim is filed and waits for its final approval. */
  | 'IN_CLAIM'
  /** The claim has its final approval (counted in the cumulative figure) but is not paid yet. */
  | 'APPROVED_UNPAID';

/** The start states by code (`LoanColumns.state`): the code is the index. */
export const START_STATES: readonly LoanStartState[] = [
  'CURRENT',
  'OVERDUE_15',
  'OVERDUE_60',
  'IN_CLAIM',
  'APPROVED_UNPAID',
];

const EPOCH = '1970-01-01' as IsoDate;

/** Days since 1970-01-01 (the columns' dates; PostgreSQL gives them as `date - DATE '1970-01-01'`). */
export function dayNumber(d: IsoDate): number {
  return daysBetween(EPOCH, d);
}

export function dayToIso(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

// Module-level aliases: a global such as Math is looked up through the realm's global object on every
// use, which costs far more in a vm context (jest runs the benchmarks in one) than a local binding.
const floor = Math.floor;
const MONTH_DAYS = Int8Array.from([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);

/** Year, month (1–12) and day of a day number (proleptic Gregorian; H. Hinnant's civil_from_days). */
function civil(day: number, out: Int32Array): void {
  const z = day + 719_468;
  const era = floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36_524) - floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - floor((153 * mp + 2) / 5) + 1;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m];
}

const fromParts = new Int32Array(3);
const toParts = new Int32Array(3);

/**
 * `monthsBetween` on day numbers: the largest n with from + n months ≤ to. The month difference n lands
 * from + n in to's month (its day clamped to the month's length), so n is one less when that day is
 * after to's, and never more (from + n + 1 is in a later month). Checked against `monthsBetween` in
 * __tests__/columns.test.ts.
 */
export function monthsBetweenDays(from: number, to: number): number {
  civil(from, fromParts);
  civil(to, toParts);
  const n = (toParts[0] - fromParts[0]) * 12 + (toParts[1] - fromParts[1]);
  const dim = daysInMonth(toParts[0], toParts[1]);
  return (fromParts[2] < dim ? fromParts[2] : dim) > toParts[2] ? n - 1 : n;
}

/**
 * The covered portfolio in columns, one entry per loan in portfolio order, with the repeated facts
 * (banks, agreements, enterprises, amounts) as indexes into their own lists. The API reads it so from
 * PostgreSQL (200,000 loan objects, each with three decimals, were most of the forecast's read time);
 * `loanColumns` turns loan objects into it. Amounts in fen, dates as day numbers (`dayNumber`).
 */
export interface LoanColumns {
  readonly count: number;
  readonly banks: readonly { readonly id: string; readonly name: string }[];
  readonly bank: Int32Array;
  /** The agreement each claim would be computed under (Art 8, 11, 14). */
  readonly agreements: readonly CooperationAgreement[];
  readonly agreement: Int32Array;
  readonly enterprises: readonly string[];
  readonly enterprise: Int32Array;
  /** Distinct amounts: principal, IP-pledged part, outstanding principal (fen). */
  readonly principalFen: Float64Array;
  readonly ipPledgedFen: Float64Array;
  readonly outstandingFen: Float64Array;
  /** Each loan's amounts: an index into the three arrays above. */
  readonly amount: Int32Array;
  /** Fund + bank + guarantor (Art 14): 1, else 0. */
  readonly threeParty: Uint8Array;
  readonly issuedDay: Int32Array;
  readonly maturesDay: Int32Array;
  /** Index into START_STATES. */
  readonly state: Int8Array;
  /** APPROVED_UNPAID: the F that was finally approved (fen); 0 otherwise. */
  readonly approvedFundShareFen: Float64Array;
  /** How an error names loan i (its id when known). */
  readonly label?: (i: number) => string;
}

/** One covered loan as the simulator takes it (the API reads these; `loanColumns` compiles them). */
export interface ForecastLoan {
  readonly id: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly enterpriseId: string;
  readonly principal: Money;
  readonly ipPledgedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  /** Fund + bank + guarantor (Art 14). */
  readonly threeParty: boolean;
  readonly agreement: CooperationAgreement;
  readonly issuedOn: IsoDate;
  readonly maturesOn: IsoDate;
  readonly state: LoanStartState;
  /** APPROVED_UNPAID: the F that was finally approved. */
  readonly approvedFundShare?: Money;
}

/** What of an agreement a claim depends on: its rates (and its date, which the validation reads). */
export function agreementId(a: CooperationAgreement): string {
  return [
    a.fundRateLowTier?.toString(),
    a.fundRateHighTier?.toString(),
    a.guarantorRate?.toString(),
    a.effectiveFrom,
  ].join('/');
}

/**
 * Loan objects into columns. Banks, enterprises and agreements are numbered in order of first
 * appearance; agreements with the same rates and date share an index; each Money and date is
 * parsed once per loan (the same object for the outstanding as the principal is not parsed twice).
 */
export function loanColumns(loans: readonly ForecastLoan[]): LoanColumns {
  const n = loans.length;
  const bank = new Int32Array(n);
  const agreement = new Int32Array(n);
  const enterprise = new Int32Array(n);
  const amount = new Int32Array(n);
  const threeParty = new Uint8Array(n);
  const issuedDay = new Int32Array(n);
  const maturesDay = new Int32Array(n);
  const state = new Int8Array(n);
  const approvedFundShareFen = new Float64Array(n);
  const banks: { id: string; name: string }[] = [];
  const bankIdx = new Map<string, number>();
  const agreements: CooperationAgreement[] = [];
  const agreementByObject = new Map<CooperationAgreement, number>();
  const agreementByContent = new Map<string, number>();
  const enterprises: string[] = [];
  const entIdx = new Map<string, number>();
  const days = new Map<string, number>();
  const day = (d: IsoDate): number => {
    let v = days.get(d);
    if (v === undefined) {
      v = dayNumber(d);
      days.set(d, v);
    }
    return v;
  };
  const p: number[] = [];
  const ip: number[] = [];
  const o: number[] = [];
  // principal → IP part → outstanding → amount index.
  const amounts = new Map<number, Map<number, Map<number, number>>>();
  const stateCode = new Map<LoanStartState, number>(START_STATES.map((s, k) => [s, k]));
  for (let i = 0; i < n; i++) {
    const l = loans[i];
    let b = bankIdx.get(l.bankId);
    if (b === undefined) {
      b = banks.length;
      bankIdx.set(l.bankId, b);
      banks.push({ id: l.bankId, name: l.bankName });
    }
    bank[i] = b;
    let ag = agreementByObject.get(l.agreement);
    if (ag === undefined) {
      const id = agreementId(l.agreement);
      ag = agreementByContent.get(id);
      if (ag === undefined) {
        ag = agreements.length;
        agreementByContent.set(id, ag);
        agreements.push(l.agreement);
      }
      agreementByObject.set(l.agreement, ag);
    }
    agreement[i] = ag;
    let e = entIdx.get(l.enterpriseId);
    if (e === undefined) {
      e = enterprises.length;
      entIdx.set(l.enterpriseId, e);
      enterprises.push(l.enterpriseId);
    }
    enterprise[i] = e;
    const pf = toFen(l.principal);
    const ipf = l.ipPledgedPrincipal === l.principal ? pf : toFen(l.ipPledgedPrincipal);
    const of = l.outstandingPrincipal === l.principal ? pf : toFen(l.outstandingPrincipal);
    let byIp = amounts.get(pf);
    if (!byIp) amounts.set(pf, (byIp = new Map()));
    let byO = byIp.get(ipf);
    if (!byO) byIp.set(ipf, (byO = new Map()));
    let a = byO.get(of);
    if (a === undefined) {
      a = p.length;
      byO.set(of, a);
      p.push(pf);
      ip.push(ipf);
      o.push(of);
    }
    amount[i] = a;
    threeParty[i] = l.threeParty ? 1 : 0;
    issuedDay[i] = day(l.issuedOn);
    maturesDay[i] = day(l.maturesOn);
    state[i] = stateCode.get(l.state)!;
    if (l.approvedFundShare) approvedFundShareFen[i] = toFen(l.approvedFundShare);
  }
  return {
    count: n,
    banks,
    bank,
    agreements,
    agreement,
    enterprises,
    enterprise,
    principalFen: Float64Array.from(p),
    ipPledgedFen: Float64Array.from(ip),
    outstandingFen: Float64Array.from(o),
    amount,
    threeParty,
    issuedDay,
    maturesDay,
    state,
    approvedFundShareFen,
    label: (i) => loans[i].id,
  };
}
