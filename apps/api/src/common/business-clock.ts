import { businessDateInShanghai, isIsoDate, type IsoDate } from '@ipfund/policy';
import { badInput, forbidden } from './errors';

/**
 * The business date every overdue count and deadline is computed against (Fineract's habit):
 * today in Asia/Shanghai, or — in demo and test mode only — a date someone set.
 */
export class BusinessClock {
  private override: IsoDate | undefined;

  constructor(
    private readonly settable: boolean,
    initial?: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (initial !== undefined) this.set(initial);
  }

  get isSettable(): boolean {
    return this.settable;
  }

  today(): IsoDate {
    return this.override ?? businessDateInShanghai(this.now());
  }

  set(date: string): IsoDate {
    if (!this.settable) {
      throw forbidden('clock.demoOnly', {});
    }
    if (!isIsoDate(date)) throw badInput('common.notADate', { value: date });
    this.override = date;
    return date;
  }
}
