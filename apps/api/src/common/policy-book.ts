import {
  findPolicySet,
  selectPolicy,
  validatePolicy,
  type IsoDate,
  type PolicyParameters,
  type PolicySet,
} from '@ipfund/policy';
import { policyViolation } from './errors';

/**
 * The measures the fund runs under (R11): every version of the district's policy set that the
 * configuration names (`POLICY`, default `jiangbei-2024`). Every decision picks the version in force on
 * the date that matters (issue date, claim date, ...), and every article the API cites comes from it.
 */
export class PolicyBook {
  /** The policy set `config.policy` names; the config has already refused an unknown id at boot. */
  static forSet(id: string): PolicyBook {
    const set = findPolicySet(id);
    if (!set) throw new Error(`Unknown policy set "${id}"`);
    return new PolicyBook(set);
  }

  private readonly versions: readonly PolicyParameters[];

  constructor(readonly set: PolicySet) {
    if (set.versions.length === 0) throw new Error(`Policy set ${set.id} has no version`);
    for (const p of set.versions) {
      const problems = validatePolicy(p);
      if (problems.length) {
        throw new Error(
          `Policy ${p.id} is inconsistent: ${problems.map((v) => `${v.article} ${v.message}`).join('; ')}`,
        );
      }
    }
    // Sorted by effective date so that the first version is the one that set the measures in force.
    this.versions = [...set.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    // Two versions on one date would make `inForce` ambiguous; refuse the set at boot, not on a request.
    selectPolicy(this.versions, this.versions[this.versions.length - 1].effectiveFrom);
  }

  /** The last date asked for and its answer: nearly every call of a day asks for that day. */
  private last: { date: IsoDate; policy: PolicyParameters } | null = null;

  /** The policy in force on a date; refused before the first version took effect. */
  inForce(date: IsoDate): PolicyParameters {
    if (this.last?.date === date) return this.last.policy;
    const p = selectPolicy(this.versions, date);
    if (!p) {
      // The measures apply from their effective date; the first version says so (Art 26 in Jiangbei).
      const first = this.versions[0];
      throw policyViolation(
        'common.noMeasuresInForce',
        { date, source: first.sourceDocument, from: first.effectiveFrom },
        first.provisions.applicability.article,
      );
    }
    this.last = { date, policy: p };
    return p;
  }
}
