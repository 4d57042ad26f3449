import DataLoader from 'dataloader';
import type { Scope } from '../authz/scope';
import { requireActor, type GqlContext } from './context';

const perRequest = new WeakMap<GqlContext, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader that lives as long as one request (one GraphQL context), so a field resolved for
 * every row of a page costs one batched query, and a user's loader never serves another's data.
 * The batch runs in the caller's scope (`Access.read`): it reads only through scoped builders, so a
 * key the caller may not see loads nothing — there is no bare-id path to tenant data.
 */
export function loaderFor<V>(
  ctx: GqlContext,
  name: string,
  batch: (scope: Scope, keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(ctx, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    const actor = requireActor(ctx);
    loader = new DataLoader<string, V>((keys) =>
      ctx.services.access.read(actor, (scope) => batch(scope, keys)),
    );
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups rows by key in the order DataLoader asked for them. */
export function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}

/**
 * `viewerCan` for a page of records: one statement per subject and request (authz Scope.permittedOn),
 * then each record's own state narrows it further in the caller.
 */
export function viewerCanLoader(
  ctx: GqlContext,
  subject: Parameters<Scope['permittedOn']>[0],
  operations: Parameters<Scope['permittedOn']>[1],
): DataLoader<string, ReadonlySet<string>> {
  return loaderFor(ctx, `viewerCan:${subject}`, async (scope, ids) => {
    const permitted = await scope.permittedOn(subject, operations, ids);
    return ids.map((id) => permitted.get(id) ?? new Set());
  });
}
