import { PolicyError } from './reasons';

/**
 * A calendar day in Asia/Shanghai, 'YYYY-MM-DD'. Rule inputs never take JS Date objects:
 * the measures count calendar days (Art 12, 17, 18), and a day is a day wherever the server runs.
 */
export type IsoDate = `${number}-${number}-${number}`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no DST since 1991), so an offset is exact and host-TZ independent. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm): pure integer arithmetic.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function format(n: number): IsoDate {
  const [y, m, d] = civilFromDays(n);
  if (y < 0 || y > 9999) {
    throw new PolicyError('INVALID_DATE', `Date out of range (year ${y})`);
  }
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
}

function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) {
    throw new PolicyError('INVALID_DATE', `Expected a date 'YYYY-MM-DD', got "${date}"`);
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const n = daysFromCivil(y, m, d);
  const [y2, m2, d2] = civilFromDays(n);
  if (y2 !== y || m2 !== m || d2 !== d) {
    throw new PolicyError('INVALID_DATE', `Not a calendar day: "${date}"`);
  }
  return n;
}

export function isIsoDate(value: string): value is IsoDate {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Validate and type a 'YYYY-MM-DD' string (e.g. from the database or GraphQL). */
export function toIsoDate(value: string): IsoDate {
  dayNumber(value);
  return value as IsoDate;
}

/** The business date (Asia/Shanghai calendar day) of an instant. */
export function businessDateInShanghai(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) {
    throw new PolicyError('INVALID_DATE', 'Invalid instant');
  }
  return format(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) {
    throw new PolicyError('INVALID_DATE', `Days must be an integer, got ${days}`);
  }
  return format(dayNumber(date) + days);
}

/** Signed calendar days from `from` to `to` (to − from): daysBetween('2025-03-01', '2025-03-31') = 30. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

export function yearOf(date: IsoDate): number {
  dayNumber(date);
  return Number(date.slice(0, 4));
}
