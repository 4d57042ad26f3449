import { useQuery } from '@apollo/client/react';
import type { Operation, ReadableSubject } from '@ipfund/shared';
import { allows } from './access';
import {
  POLICY_QUERY,
  VIEWER_PERMISSIONS_QUERY,
  type Policy,
  type ViewerPermissions,
} from './viewer.graphql';

export interface Viewer {
  permissions: ViewerPermissions | undefined;
  /** The caller's organisation may take this operation at all ("new …" buttons, menu entries). */
  mayTake: (operation: Operation) => boolean;
  /** The caller can read at least one record of this kind. */
  reads: (subject: ReadableSubject) => boolean;
}

/** `viewerPermissions`, fetched once per session (the shell waits for it) and read from the cache after. */
export function useViewerPermissions(): Viewer & { loading: boolean; error: Error | undefined } {
  const { data, loading, error } = useQuery(VIEWER_PERMISSIONS_QUERY);
  const permissions = data?.viewerPermissions;
  return {
    permissions,
    loading,
    error,
    mayTake: (operation) => allows(permissions, { takes: operation }),
    reads: (subject) => allows(permissions, { reads: subject }),
  };
}

/** The measures in force (`Query.policy`), fetched once and cached; undefined until it has arrived. */
export function usePolicy(): Policy | undefined {
  return useQuery(POLICY_QUERY).data?.policy;
}
