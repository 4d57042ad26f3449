import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { GqlContext } from '../../graphql/context';

/** The root fields an operation selects (fragments spread at the root included, by name). */
function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.map((s) =>
    s.kind === Kind.FIELD ? s.name.value : s.kind === Kind.FRAGMENT_SPREAD ? `...${s.name.value}` : '...',
  );
}

/**
 * Art 20: every GraphQL operation of an auditor's user is on the activity record — one entry per
 * operation, written before any of its fields runs (AuditService.recordOperation). If the record
 * cannot be written the operation fails: an auditor's read that is not on the record does not happen.
 */
export function auditTrailPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, operation, operationName, request }) {
          const actor = ctx.actor;
          if (!actor || actor.orgKind !== 'AUDITOR' || !operation) return;
          await ctx.services.audit.recordOperation(actor, {
            operationType: operation.operation,
            operationName: operationName ?? operation.name?.value ?? null,
            rootFields: rootFields(operation),
            variables: request.variables ?? {},
          });
        },
      };
    },
  };
}
