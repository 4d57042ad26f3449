import DataLoader from 'dataloader';
import type { GqlContext } from './context';

const perRequest = new WeakMap<GqlContext, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader that lives as long as one request (one GraphQL context), so a field resolved for
 * every row of a page costs one batched query, and a user's loader never serves another's data.
 */
export function loaderFor<V>(
  ctx: GqlContext,
  name: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(ctx, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch);
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
