import { compareDates, type IsoDate } from '@ipfund/policy';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parts(d: IsoDate): [number, number, number] {
  const [y, m, day] = d.split('-').map(Number);
  return [y, m, day];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day n months later (or earlier), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(day, daysInMonth(ny, nm)))}` as IsoDate;
}

/** Whole months from `from` to `to` (negative when `to` is earlier): the largest n with from + n ≤ to. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let n = (ty - fy) * 12 + (tm - fm);
  if (compareDates(addMonths(from, n), to) > 0) n--;
  else if (compareDates(addMonths(from, n + 1), to) <= 0) n++;
  return n;
}

/** 0-based month of the year (January = 0). */
export function monthOfYear(d: IsoDate): number {
  return parts(d)[1] - 1;
}

export function yearOfDate(d: IsoDate): number {
  return parts(d)[0];
}
