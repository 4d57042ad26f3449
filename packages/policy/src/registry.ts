import { OTHER_DISTRICT_2025 } from './fixture-district';
import { JIANGBEI_2024, type PolicyParameters } from './policy';

/**
 * One district's measures: every version, each with its effective date (`selectPolicy` picks the one in
 * force). A revision of the measures is a new version in the same set, never a new set.
 */
export interface PolicySet {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly PolicyParameters[];
  /** A fictitious district for tests: a production deployment must refuse to run under it. */
  readonly fixture: boolean;
}

/** The policy set a deployment runs under when its configuration names none. */
export const DEFAULT_POLICY_SET_ID = 'jiangbei-2024';

/** The districts the portal knows, by policy-set id (the API's `POLICY` setting). */
export const POLICIES: Readonly<Record<string, PolicySet>> = Object.freeze({
  'jiangbei-2024': Object.freeze({
    id: 'jiangbei-2024',
    name: JIANGBEI_2024.name,
    versions: Object.freeze([JIANGBEI_2024]),
    fixture: false,
  }),
  'other-2025': Object.freeze({
    id: 'other-2025',
    name: OTHER_DISTRICT_2025.name,
    versions: Object.freeze([OTHER_DISTRICT_2025]),
    fixture: true,
  }),
});

/** The policy set with this id, or undefined for an id the registry does not know. */
export function findPolicySet(id: string): PolicySet | undefined {
  // Own properties only: an id such as 'toString' or '__proto__' is unknown, not Object's.
  return Object.prototype.hasOwnProperty.call(POLICIES, id) ? POLICIES[id] : undefined;
}
