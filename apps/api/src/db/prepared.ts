import { createHash } from 'node:crypto';

/**
 * Issue 10: the serving pool's repeated statements are prepared, so PostgreSQL parses and plans each
 * once per connection and then only binds and executes it. TypeORM sends every statement unnamed:
 * PostgreSQL then parses, analyses and plans it on every call — for `fundStatus`'s one statement
 * 1.5 ms of the 2.2 ms it spent on it, and most of a mutation's database CPU is statements like it.
 * (`Scope.query` names its list statements itself; this does the same for all the others.)
 *
 * Only parameterised statements are named (the values travel apart from the text, so a text is the
 * same statement every time; a statement with literals inlined would be a new one per value), and
 * only once seen `MIN_USES` times in this process (one-off texts stay unnamed). Each connection
 * keeps at most `MAX_PER_CONNECTION` prepared statements, so a text built per call (a variable-length
 * IN list) cannot grow a connection's memory without bound; past it, statements go unnamed as before.
 *
 * A prepared statement is bound to the schema it was planned against: migrations run before the
 * serving pool opens, and a server is restarted after a migration (docs/engineering.md). PostgreSQL
 * re-plans on its own when a table's statistics, indexes or the search path change.
 */
const MIN_USES = 2;
const MAX_PER_CONNECTION = 500;
const MAX_TRACKED_TEXTS = 10_000;

interface NamedQuery {
  name: string;
  text: string;
  values: unknown[];
}

type QueryFn = (...args: unknown[]) => unknown;

/** Texts seen in this process, with their uses and name (bounded: cleared when full). */
const seen = new Map<string, { uses: number; name: string | null }>();

function entryOf(text: string): { uses: number; name: string | null } {
  let entry = seen.get(text);
  if (!entry) {
    if (seen.size >= MAX_TRACKED_TEXTS) seen.clear();
    entry = { uses: 0, name: null };
    seen.set(text, entry);
  }
  return entry;
}

/**
 * The prepared statement's name for a text: a digest, so every connection and process gives one
 * statement one name; computed once per text. `Scope.query` names its hand-built list statements
 * with it from their first use (they are the hot reads, parameterless for the programme's page).
 */
export function statementName(text: string): string {
  const entry = entryOf(text);
  return (entry.name ??= `ipq_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`);
}

function nameFor(text: string): string | null {
  const entry = entryOf(text);
  entry.uses++;
  return entry.uses < MIN_USES ? null : statementName(text);
}

/** The connections `prepareRepeatedStatements` set up: only they may run named statements. */
const preparing = new WeakSet<object>();

/**
 * The name to run `text` under on `client` from its first use (`Scope.query`'s hot list reads), or
 * undefined where the connection does not prepare statements. The embedded database multiplexes every
 * connection onto ONE session, so a name one connection prepared would be "already exists" (42P05)
 * on the next: its pool is not set up to prepare (db/data-source.ts), and gets unnamed statements.
 */
export function firstUseName(client: object, text: string): string | undefined {
  return preparing.has(client) ? statementName(text) : undefined;
}

/**
 * Makes `client.query(text, values)` (the form TypeORM uses) run as a named statement once the text is
 * hot. Every other call form (config objects, callbacks, streams, text without values) is unchanged.
 */
export function prepareRepeatedStatements(client: { query: QueryFn }): Promise<unknown> {
  preparing.add(client);
  const original = client.query.bind(client) as QueryFn;
  const prepared = new Set<string>();
  client.query = (...args: unknown[]) => {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) {
      return original(...args);
    }
    const name = nameFor(text);
    if (!name || (!prepared.has(name) && prepared.size >= MAX_PER_CONNECTION)) return original(...args);
    prepared.add(name);
    const query: NamedQuery = { name, text, values };
    return original(query);
  };
  // PostgreSQL plans a prepared statement afresh for each of its first five executions (a "custom"
  // plan for the values at hand) before it may settle on one generic plan. Under row-level security
  // the portal's list statements take 4–5 ms to plan (every policy expands into init plans and
  // subplans) against 2–4 ms to run, and the pool opens connections on demand: in the reads bench a
  // tenth of a page's binds were such re-plans. The generic plan is the right one here anyway — the
  // tenant reaches a statement through the policies' init plans, which are evaluated at run time,
  // and the values are ids, dates and page bounds whose selectivity does not change the plan.
  return original(`SET plan_cache_mode = force_generic_plan`) as Promise<unknown>;
}
