import { rulesToAST } from '@casl/ability/extra';
import type { ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { AppAbility, Action, SubjectType } from './ability';

/**
 * How a condition field maps to SQL:
 * - a string: a scalar column expression (e.g. `loan.bank_id`);
 * - `{ memberOf }`: an array-valued field, as a subquery listing its members (mongo semantics:
 *   `{ lenderIds: x }` means "x is one of lenderIds").
 */
export type FieldSql = string | { memberOf: string };
export type FieldMap = Readonly<Record<string, FieldSql>>;

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

/** Thrown when a rule cannot be translated: the query fails rather than returning unfiltered rows. */
export class UntranslatableRuleError extends Error {
  constructor(message: string) {
    super(`Authorization rule not translatable to SQL: ${message}`);
    this.name = 'UntranslatableRuleError';
  }
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

class SqlBuilder {
  private n = 0;
  readonly params: Record<string, unknown> = {};

  constructor(
    private readonly prefix: string,
    private readonly fields: FieldMap,
  ) {}

  private param(value: unknown): string {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      throw new UntranslatableRuleError('object values are not supported');
    }
    const name = `${this.prefix}${this.n++}`;
    this.params[name] = value;
    return name;
  }

  build(node: AstNode): string {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const parts = (node.value as AstNode[]).map((c) => this.build(c));
        if (parts.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
        return `(${parts.join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not': {
        const inner = node.value as AstNode[] | AstNode;
        const child = Array.isArray(inner) ? { operator: 'and', value: inner } : inner;
        // A NULL inside NOT(...) would make the row vanish AND reappear unpredictably; coalesce to closed.
        return `(NOT COALESCE(${this.build(child)}, FALSE))`;
      }
      default:
        return this.field(node);
    }
  }

  private field(node: AstNode): string {
    if (node.field === undefined)
      throw new UntranslatableRuleError(`operator ${node.operator} without a field`);
    const target = this.fields[node.field];
    if (target === undefined) throw new UntranslatableRuleError(`unknown field "${node.field}"`);

    if (typeof target !== 'string') {
      if (node.operator === 'eq') return `(:${this.param(node.value)} IN (${target.memberOf}))`;
      if (node.operator === 'in') {
        const values = node.value as unknown[];
        if (values.length === 0) return 'FALSE';
        return `EXISTS (SELECT 1 FROM (${target.memberOf}) AS m(v) WHERE m.v IN (:...${this.param(values)}))`;
      }
      throw new UntranslatableRuleError(`operator ${node.operator} on array field "${node.field}"`);
    }

    const column = target;
    if (node.operator === 'eq' || node.operator === 'ne') {
      if (node.value === null || node.value === undefined) {
        return `(${column} IS ${node.operator === 'eq' ? '' : 'NOT '}NULL)`;
      }
      return `(${column} ${COMPARISONS[node.operator]} :${this.param(node.value)})`;
    }
    if (node.operator in COMPARISONS)
      return `(${column} ${COMPARISONS[node.operator]} :${this.param(node.value)})`;
    if (node.operator === 'in' || node.operator === 'nin') {
      const values = node.value as unknown[];
      if (!Array.isArray(values)) throw new UntranslatableRuleError(`${node.operator} needs an array`);
      if (values.length === 0) return node.operator === 'in' ? 'FALSE' : 'TRUE';
      return `(${column} ${node.operator === 'in' ? 'IN' : 'NOT IN'} (:...${this.param(values)}))`;
    }
    throw new UntranslatableRuleError(`operator "${node.operator}"`);
  }
}

/**
 * The SQL predicate equivalent to `ability.can(action, row)` for every row of `subjectType`.
 * Fails closed: no permitting rule → `FALSE` (no rows), anything it cannot translate → throws.
 */
export function abilityToSql(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  fields: FieldMap,
  paramPrefix = 'authz_',
): { sql: string; params: Record<string, unknown> } {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  if (ast === null) return { sql: 'FALSE', params: {} };
  const builder = new SqlBuilder(paramPrefix, fields);
  return { sql: builder.build(ast), params: builder.params };
}

/** Adds the ability's predicate to a query builder (AND), so only permitted rows are read, counted or aggregated. */
export function whereAbility<
  T extends ObjectLiteral,
  Q extends SelectQueryBuilder<T> | WhereExpressionBuilder,
>(qb: Q, ability: AppAbility, action: Action, subjectType: SubjectType, fields: FieldMap): Q {
  const { sql, params } = abilityToSql(ability, action, subjectType, fields);
  (qb as SelectQueryBuilder<T>).andWhere(sql, params);
  return qb;
}
