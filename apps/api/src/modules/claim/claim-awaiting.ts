import type { IsoDate } from '@ipfund/policy';
import type { Scope } from '../../authz/scope';
import { TaskCandidates, taskActorOf } from '../task/task.service';
import { TaskJudge } from '../task/task.rules';

/**
 * Ids of the claims with a step awaiting the scope's own organisation: the work queue's rules
 * (modules/task/task.rules.ts — the operations table, the CASL rule and the claim's state machine)
 * on the claims the scope reads, in the same snapshot. The `awaitingMe` filter of the claims list
 * uses it, so "awaiting me" is never a second list of who may act. (Kept out of claim.service.ts:
 * the task module imports that one.)
 */
export async function awaitingClaimIds(scope: Scope, today: IsoDate): Promise<string[]> {
  const judge = new TaskJudge(taskActorOf(scope.actor), scope.policy);
  const candidates = new TaskCandidates(scope, today);
  await candidates.load([judge]);
  const ids = candidates
    .tasksOf(judge)
    .filter((t) => t.subjectType === 'Claim')
    .map((t) => t.subjectId);
  return [...new Set(ids)];
}
