import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { renderMessage, type Lang, type MessageKey, type MessageParams } from '@ipfund/shared';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';

/**
 * Issue 9: what one request may ask for, decided before any context, resolver or SQL exists. Every
 * number comes from config (GRAPHQL_* keys, README "Operating").
 */
export interface GraphqlLimits {
  /** Body of an ordinary GraphQL request, bytes. */
  bodyBytes: number;
  /** Body of a request whose operation is only upload mutations (base64 files in variables), bytes. */
  uploadBodyBytes: number;
  /** Characters of the query document itself (variables not counted). */
  maxQueryChars: number;
  /** Lexical tokens of the query document; graphql-js stops lexing at the limit. */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** See `operationCost`. */
  maxCost: number;
}

/**
 * Sent with an upload (value `1`) so that the server reads the body up to `uploadBodyBytes`; without
 * it every request is cut off at `bodyBytes` before anything is decoded or parsed.
 */
export const UPLOAD_HEADER = 'x-ipfund-upload';

/** The mutations that carry a file as base64 in their variables: the only ones given `uploadBodyBytes`. */
export const UPLOAD_MUTATIONS: ReadonlySet<string> = new Set(['uploadLoanTape', 'uploadClaimDocument']);

/**
 * Fields whose work is not one row: a document's content (up to the upload cap, base64), the loan
 * tape template (an XLSX of every active loan), and the two uploads (parse and validate a whole file).
 * With the default limit of 5,000 a request holds at most four of them.
 */
export const HEAVY_FIELD_COST: Readonly<Record<string, number>> = {
  'Query.claimDocument': 1000,
  'Query.loanTapeTemplate': 1000,
  'Mutation.uploadLoanTape': 1000,
  'Mutation.uploadClaimDocument': 1000,
  // Issue 13: a Monte Carlo forecast (up to 40,000 paths on the worker threads): at most one per request.
  'Query.fundForecast': 3000,
};

/** Assumed length of a list without `first` (a loan's collateral, a claim's documents, a rule's reasons). */
export const ASSUMED_LIST_LENGTH = 10;

/** The answer of a refusal: a GraphQL error response, sent before Apollo sees the request. */
export interface LimitRefusal {
  status: number;
  code: 'QUERY_TOO_LARGE' | 'QUERY_TOO_COMPLEX' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST';
  /** The message by its key, like every other refusal (packages/shared/src/messages.ts). */
  messageKey: MessageKey;
  params: MessageParams;
}

/**
 * The body of a refusal sent outside GraphQL: the same shape as a GraphQL error — `code`, a stable
 * `messageKey` with its `params`, and the text in the caller's language (Accept-Language).
 */
export function refusalBody(
  r: { code: string; messageKey: MessageKey; params: MessageParams },
  lang: Lang,
): {
  errors: { message: string; extensions: { code: string; messageKey: MessageKey; params: MessageParams } }[];
} {
  return {
    errors: [
      {
        message: renderMessage(r.messageKey, r.params, lang) ?? r.messageKey,
        extensions: { code: r.code, messageKey: r.messageKey, params: r.params },
      },
    ],
  };
}

/**
 * Cost of an operation: an object field costs 1, a scalar 0, a heavy field its `HEAVY_FIELD_COST`.
 * A field with a `first` argument (a connection) multiplies what is selected inside it by `first`
 * (literal, variable, or the default page size); the `edges` list of a connection is then counted
 * once. Any other list multiplies by `ASSUMED_LIST_LENGTH`. So `loans(first: 100) { edges { node {
 * collateral { … } } } }` costs about 100 × 10 objects, and a huge `first` is refused here, cheaply.
 */
export function operationCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;

  const firstOf = (field: FieldNode): number | undefined => {
    const arg = field.arguments?.find((a) => a.name.value === 'first');
    if (!arg) return undefined;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) {
      const v = variables[arg.value.name.value];
      return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_PAGE_SIZE;
    }
    return DEFAULT_PAGE_SIZE;
  };

  // `visiting` stops a fragment cycle (invalid GraphQL, refused later by Apollo) from recursing forever.
  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || visiting.has(frag.name.value)) continue;
        const type = schema.getType(frag.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        total += costOf(frag.selectionSet, type, new Set([...visiting, frag.name.value]));
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOf(sel.selectionSet, type, visiting);
        continue;
      }
      if (sel.name.value.startsWith('__')) continue;
      const def =
        isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
      if (!def) continue; // unknown field: Apollo's validation refuses it
      const named = getNamedType(def.type);
      const inner =
        sel.selectionSet && isCompositeType(named) ? costOf(sel.selectionSet, named, visiting) : 0;
      const weight = HEAVY_FIELD_COST[`${parent.name}.${def.name}`] ?? (isCompositeType(named) ? 1 : 0);
      const first = firstOf(sel);
      // A page is read and counted even when nothing of its rows is selected.
      if (first !== undefined) total += weight + Math.max(first, 0) * Math.max(inner, 1);
      else if (isListType(getNullableType(def.type)) && !parent.name.endsWith('Connection'))
        total += ASSUMED_LIST_LENGTH * (weight + inner);
      else total += weight + inner;
    }
    return total;
  };
  return costOf(operation.selectionSet, root, new Set());
}

function costLimitRule(
  schema: GraphQLSchema,
  maxCost: number,
  variables: Readonly<Record<string, unknown>>,
): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node: OperationDefinitionNode) {
      const cost = operationCost(schema, context.getDocument(), node, variables);
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${maxCost}: ask for fewer or smaller pages`,
          ),
        );
      }
    },
  });
}

/** graphql-armor's depth, alias and directive rules; its cost rule is replaced (it ignores list sizes). */
function armorRules(limits: GraphqlLimits): ValidationRule[] {
  // We report through the validation context ourselves and keep armor from adding its own
  // BAD_USER_INPUT copy (propagateOnRejection: false, own onReject).
  const report = [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error)];
  const common = { onReject: report, propagateOnRejection: false };
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false }, // Apollo's hideSchemaDetailsFromClientErrors does it
    maxTokens: { enabled: false }, // graphql-js parse({ maxTokens }) below, no second lexer pass
    costLimit: { enabled: false }, // costLimitRule
    maxAliases: { n: limits.maxAliases, ...common },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...common },
    maxDirectives: { n: limits.maxDirectives, ...common },
  }).protect();
  return validationRules as ValidationRule[];
}

export interface GraphqlRequestCheck {
  /** The operation to run selects only upload mutations (may use `uploadBodyBytes`). */
  uploadOnly: boolean;
}

/**
 * Checks one request's document against the limits: size, tokens, then depth, aliases, directives
 * and cost. A document that does not parse is passed on (Apollo answers GRAPHQL_PARSE_FAILED); the
 * parse here is bounded by the character and token limits, so a second one costs little.
 */
export function createRequestChecker(schema: GraphQLSchema, limits: GraphqlLimits) {
  const rules = armorRules(limits);
  // The answer is a function of the request alone (text, operation, variables), and a client sends the
  // same few operations again and again: parsing and validating each was ~5 % of a list page's CPU.
  // Requests whose variables are small are remembered (most recent CHECK_CACHE_SIZE, Map order).
  const cache = new Map<string, LimitRefusal | GraphqlRequestCheck>();
  return (request: { query: unknown; variables: unknown; operationName: unknown }) => {
    if (typeof request.query !== 'string' || request.query.length > CHECK_CACHE_QUERY) return check(request);
    const variables = JSON.stringify(request.variables ?? null);
    if (variables.length > CHECK_CACHE_VARIABLES) return check(request);
    const key = `${String(request.operationName)}\u0000${variables}\u0000${request.query}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const answer = check(request);
    if (cache.size >= CHECK_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, answer);
    return answer;
  };

  function check(request: {
    query: unknown;
    variables: unknown;
    operationName: unknown;
  }): LimitRefusal | GraphqlRequestCheck {
    if (typeof request.query !== 'string') return { uploadOnly: false };
    if (request.query.length > limits.maxQueryChars) {
      return {
        status: 413,
        code: 'QUERY_TOO_LARGE',
        messageKey: 'request.queryTooLong',
        params: { limit: limits.maxQueryChars },
      };
    }
    let doc: DocumentNode;
    try {
      doc = parse(request.query, { maxTokens: limits.maxTokens, noLocation: true });
    } catch (err) {
      // graphql-js spells it "more that N tokens".
      if (err instanceof GraphQLError && /more tha[nt] \d+ tokens/.test(err.message)) {
        return {
          status: 413,
          code: 'QUERY_TOO_LARGE',
          messageKey: 'request.tooManyTokens',
          params: { limit: limits.maxTokens },
        };
      }
      return { uploadOnly: false };
    }
    const variables =
      request.variables && typeof request.variables === 'object' && !Array.isArray(request.variables)
        ? (request.variables as Record<string, unknown>)
        : {};
    const errors = validate(schema, doc, [...rules, costLimitRule(schema, limits.maxCost, variables)]);
    if (errors.length > 0) {
      return {
        status: 400,
        code: 'QUERY_TOO_COMPLEX',
        messageKey: 'request.tooComplex',
        params: { detail: errors.map((e) => e.message).join('; ') },
      };
    }
    const operations = doc.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const op =
      typeof request.operationName === 'string'
        ? operations.find((o) => o.name?.value === request.operationName)
        : operations.length === 1
          ? operations[0]
          : undefined;
    const uploadOnly =
      op !== undefined &&
      op.operation === 'mutation' &&
      op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && UPLOAD_MUTATIONS.has(s.name.value));
    return { uploadOnly };
  }
}

// Bounds on what the memory holds, whatever a caller sends: at most ~12 MB of keys (UTF-16).
const CHECK_CACHE_SIZE = 500;
/** Characters of query text up to which a request's check is remembered (the client's are under 2,000). */
const CHECK_CACHE_QUERY = 8000;
/** Characters of JSON variables up to which a request's check is remembered (uploads are not). */
const CHECK_CACHE_VARIABLES = 4096;
