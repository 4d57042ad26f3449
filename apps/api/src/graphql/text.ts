import {
  GraphQLID,
  GraphQLString,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
import { badInput } from '../common/errors';

/**
 * How long a text a caller may send, in characters (Unicode code points, as PostgreSQL's
 * `char_length` counts them). The database has the same limits as CHECKs (migration InputLimits),
 * so a value the API accepts always fits, and a raw write cannot exceed them either.
 * docs/engineering.md lists them.
 */
export const TEXT_LIMITS = {
  /** Ids are UUIDs (36); a little slack so a malformed one answers NOT_FOUND, as it always has. */
  id: 64,
  /** Client-chosen idempotency keys (the services accept 8–128). */
  key: 128,
  /** Contract, registration, licence and account numbers, credit codes, ledger account codes. */
  code: 64,
  username: 64,
  /** argon2 hashes any length; 256 is far beyond any passphrase and bounds the hashing cost. */
  password: 256,
  shortName: 100,
  /** District, industry, MIME type. */
  label: 100,
  /** Names of organisations, enterprises, people and banks; patent and trademark titles. */
  name: 200,
  fileName: 255,
  search: 100,
  /** Opaque keyset cursors are base64 of a short JSON array. */
  cursor: 200,
  /** Ledger memos (the ledger already had CHECK (length(memo) <= 500)). */
  memo: 500,
  /** Comments, reasons, descriptions, verification and measures. */
  comment: 2000,
  /** Base64 file content: its own limit (10 MB decoded) is the upload's. */
  base64File: Math.ceil((10 * 1024 * 1024) / 3) * 4,
} as const;

/** Declares the maximum length of a String field of an input type (read by `TextInputGuard`). */
export function MaxLength(limit: number): PropertyDecorator {
  return Extensions({ maxLength: limit }) as PropertyDecorator;
}

/**
 * Limits of plain `String` arguments, by argument name. Arguments are declared in resolvers, which
 * cannot carry an input type's extensions; one table keeps every argument name honest, and the
 * schema check below refuses to start with a String argument that is not listed here.
 */
export const ARGUMENT_LIMITS: Readonly<Record<string, number>> = {
  after: TEXT_LIMITS.cursor,
  search: TEXT_LIMITS.search,
  username: TEXT_LIMITS.username,
  password: TEXT_LIMITS.password,
  idempotencyKey: TEXT_LIMITS.key,
  creditCode: TEXT_LIMITS.code,
  accountCode: TEXT_LIMITS.code,
  comment: TEXT_LIMITS.comment,
  reason: TEXT_LIMITS.comment,
  verification: TEXT_LIMITS.comment,
  measures: TEXT_LIMITS.comment,
  // changePassword (issue 11): the same bound as the login's password.
  currentPassword: TEXT_LIMITS.password,
  newPassword: TEXT_LIMITS.password,
  // Report periods ("2026", "2026-Q4") and quarters (issue 12); checked for their format by the services.
  period: 16,
  quarter: 16,
};

/** A UTF-16 high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A well-formed pair counts once (the string was checked for lone surrogates first).
    if (c >= 0xd800 && c <= 0xdbff) i++;
    n++;
  }
  return n;
}

/**
 * One string from a caller: NUL bytes (PostgreSQL refuses them in text), lone surrogates (not
 * encodable as UTF-8) and texts over the limit are BAD_USER_INPUT. Never echoes the value back.
 */
export function checkText(value: string, limit: number, field: string): void {
  // A value more than twice the limit is refused without scanning it any further.
  if (value.length > limit && (value.length > 2 * limit || codePoints(value) > limit)) {
    throw badInput('common.textTooLong', { field, max: limit }, { field, maxLength: limit });
  }
  if (value.includes('\u0000')) {
    throw badInput('common.textNul', { field }, { field });
  }
  if (LONE_SURROGATE.test(value)) {
    throw badInput('common.textNotUnicode', { field }, { field });
  }
}

function isTextScalar(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return named === GraphQLString || named === GraphQLID;
}

function inputFieldLimit(owner: string, field: GraphQLInputField): number {
  const declared = field.extensions?.maxLength;
  if (typeof declared === 'number') return declared;
  if (getNamedType(field.type) === GraphQLID) return TEXT_LIMITS.id;
  throw new Error(`${owner}.${field.name} is a String input field without @MaxLength`);
}

function argumentLimit(owner: string, arg: GraphQLArgument): number {
  if (getNamedType(arg.type) === GraphQLID) return TEXT_LIMITS.id;
  const limit = ARGUMENT_LIMITS[arg.name];
  if (limit === undefined) throw new Error(`${owner}(${arg.name}:) is a String argument without a limit`);
  return limit;
}

function checkValue(type: GraphQLInputType, value: unknown, limit: number | undefined, path: string): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => checkValue(inner.ofType, item, limit, `${path}[${i}]`));
    }
    return;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const limitOf = isTextScalar(field.type) ? inputFieldLimit(inner.name, field) : undefined;
      checkValue(
        field.type,
        (value as Record<string, unknown>)[field.name],
        limitOf,
        `${path}.${field.name}`,
      );
    }
    return;
  }
  if (typeof value === 'string' && limit !== undefined) checkText(value, limit, path);
}

/**
 * Boot-time proof that every String and ID input of the schema has a limit: a new argument or
 * input field without one stops the server from starting (and the schema test from passing).
 */
export function assertTextLimits(schema: GraphQLSchema): void {
  const seen = new Set<string>();
  const visitInput = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    seen.add(named.name);
    for (const field of Object.values(named.getFields())) {
      if (isTextScalar(field.type)) inputFieldLimit(named.name, field);
      visitInput(field.type);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        if (isTextScalar(arg.type)) argumentLimit(`${type.name}.${field.name}`, arg);
        visitInput(arg.type);
      }
    }
  }
}

/**
 * The one place every string a caller sends is checked, before any resolver runs: arguments and,
 * recursively, input object fields (login, ids and cursors included). Scalars other than String
 * and ID parse their own input (Decimal, Date, Rate refuse anything but their format).
 */
export const TextInputGuard: MiddlewareFn = ({ args, info }, next) => {
  const field: GraphQLField<unknown, unknown> | undefined = info.parentType.getFields()[info.fieldName];
  if (field && field.args.length > 0) {
    const owner = `${info.parentType.name}.${info.fieldName}`;
    for (const arg of field.args) {
      const limit = isTextScalar(arg.type) ? argumentLimit(owner, arg) : undefined;
      checkValue(arg.type, (args as Record<string, unknown>)[arg.name], limit, arg.name);
    }
  }
  return next();
};
