import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
} from '@apollo/client';
import type { ErrorLike } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { ERROR_CODES } from '@ipfund/shared';
import { getToken, logout, type LogoutReason } from './session';

/** The API rejected the caller's credentials: a missing, expired or revoked token. */
export function isUnauthenticated(error: ErrorLike): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === ERROR_CODES.UNAUTHENTICATED);
  }
  // A plain HTTP 401 (e.g. from a proxy in front of the API) means the same.
  return ServerError.is(error) && error.statusCode === 401;
}

const authLink = new SetContextLink((prevContext) => {
  const token = getToken();
  return token ? { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } } : {};
});

/**
 * Ends the session and drops the user's cached data, so the next user never sees it.
 * The cache is cleared first: clearing cancels in-flight requests, which must not hit the login page's.
 * A no-op without a session (a failed login also answers UNAUTHENTICATED).
 */
export async function endSession(client: ApolloClient, reason: LogoutReason): Promise<void> {
  if (getToken() === null) return;
  // clearStore, unlike resetStore, does not refetch the active queries.
  await client.clearStore().catch(() => undefined);
  logout(reason);
}

const logoutOnUnauthenticated = new ErrorLink(({ error, operation }) => {
  if (isUnauthenticated(error)) void endSession(operation.client, 'expired');
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([logoutOnUnauthenticated, authLink, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
  });
}
