import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../common/errors';
import type { Actor } from '../authz/actor';
import type { GqlContext } from './context';

/**
 * Once per GraphQL operation, before any field runs (issue 10):
 *
 * - A **query** of a signed-in caller reads through ONE read-only REPEATABLE READ transaction
 *   (`Access.beginOperation`): the root fields and every batch loader share its snapshot and its
 *   connection, so a page, its count and its nested lists agree and the tenant settings are set
 *   once. A login answered from the auth cache opens that transaction before any field runs
 *   (`executionDidStart`, after every plugin's `didResolveOperation`): its first round trip
 *   re-checks the user's and organisation's standing (db/tenant.ts), and a login that lost it is
 *   treated as a refused token — the caller is anonymous for this operation, its cache entry dropped.
 * - A **mutation** never acts on a cached login: the actor is re-read before its fields run (the
 *   operations table is checked against `orgRetired` before the use case's transaction opens).
 *   Its answer — what its fields read after their use case committed — shares one read-only
 *   snapshot too (`Access.beginMutationAnswer`): the use-case runner reports each commit, so the
 *   snapshot opens after it and sees the change. (Not through a willResolveField hook: Apollo would
 *   then wrap every field resolver of the schema for good, a cost on every later query.)
 *
 * The transaction ends in `willSendResponse`, which Apollo calls for every response.
 */
export function operationPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      let shared: Actor | null = null;
      let query = false;
      return {
        async didResolveOperation({ contextValue: ctx, operation }) {
          const actor = ctx.actor;
          if (!actor) return;
          const { auth, access } = ctx.services;
          if (operation?.operation === 'query') {
            shared = actor;
            query = true;
            access.beginOperation(actor);
            // The cached login's snapshot opens in `executionDidStart`, below.
          } else {
            if (auth.isCached(actor)) {
              try {
                ctx.actor = await auth.authenticate(ctx.authorization);
              } catch (err) {
                if (!(err instanceof AppError)) throw err;
                auth.forget(actor);
                ctx.actor = null;
                ctx.authError = err;
              }
            }
            if (operation?.operation === 'mutation' && ctx.actor) {
              shared = ctx.actor;
              access.beginMutationAnswer(shared);
            }
          }
        },
        // Apollo runs every plugin's `didResolveOperation` at once; this runs after all of them. So an
        // auditor's operation is on the activity record (audit-trail.plugin.ts, a write on a connection
        // of its own) before this operation's snapshot holds one: a request never holds a transaction
        // while it waits for another connection, which the embedded database, one session served to
        // one connection at a time, could never give it.
        async executionDidStart({ contextValue: ctx }) {
          const actor = ctx.actor;
          if (!query || !actor) return;
          const { auth, access } = ctx.services;
          if (!auth.isCached(actor)) return;
          try {
            await access.openOperation(actor);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            // Any other refusal (e.g. no measures in force on the business date) reaches each field
            // that reads, typed, from the same rejected snapshot: a hook's throw would be answered
            // as an internal error.
            if (err.code !== 'UNAUTHENTICATED') return;
            auth.forget(actor);
            ctx.actor = null;
            ctx.authError = err;
          }
        },
        async willSendResponse({ contextValue: ctx }) {
          if (shared) await ctx.services.access.endOperation(shared);
        },
      };
    },
  };
}
