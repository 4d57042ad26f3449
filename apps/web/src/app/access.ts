import type { Operation, ReadableSubject } from '@ipfund/shared';
import type { ViewerPermissions } from './viewer.graphql';

/**
 * The one way the web decides what to show: the API's answers, never the caller's organisation kind.
 * The API checks every operation again; these only keep the screen to what the caller can use.
 */

/** An object the API annotates with the operations the caller may take on it now. */
export interface Actionable {
  readonly viewerCan: readonly string[];
}

/** Whether the caller may take `operation` on this object now (its `viewerCan`). No object, no action. */
export function can(object: Actionable | null | undefined, operation: Operation): boolean {
  return object?.viewerCan.includes(operation) ?? false;
}

/** What a page or a "new …" button needs: a kind of record the caller reads, or an operation it may take. */
export type Access = { readonly reads: ReadableSubject } | { readonly takes: Operation };

/** Whether `permissions` grant `access`; nothing is granted before the answer has arrived. */
export function allows(permissions: ViewerPermissions | undefined, access: Access): boolean {
  if (!permissions) return false;
  return 'reads' in access
    ? permissions.readable.includes(access.reads)
    : permissions.operations.includes(access.takes);
}
