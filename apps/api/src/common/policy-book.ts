import {
  JIANGBEI_2024,
  selectPolicy,
  validatePolicy,
  type IsoDate,
  type PolicyParameters,
} from '@ipfund/policy';
import { policyViolation } from './errors';

/**
 * The measures the fund runs under, by effective date (R11). Today only the Jiangbei measures of
 * 2024-04-07; a revision is added here as a new PolicyParameters version, and every decision picks
 * the version in force on the date that matters (issue date, claim date, ...).
 */
export class PolicyBook {
  constructor(private readonly versions: readonly PolicyParameters[] = [JIANGBEI_2024]) {
    for (const p of versions) {
      const problems = validatePolicy(p);
      if (problems.length) {
        throw new Error(
          `Policy ${p.id} is inconsistent: ${problems.map((v) => `${v.article} ${v.message}`).join('; ')}`,
        );
      }
    }
  }

  /** The policy in force on a date; refused (with the first policy's article) before any took effect. */
  inForce(date: IsoDate): PolicyParameters {
    const p = selectPolicy(this.versions, date);
    // Art 26: the measures apply from their publication date; nothing before it is covered.
    if (!p) throw policyViolation(`No measures were in force on ${date}`, 'Art 26');
    return p;
  }
}
