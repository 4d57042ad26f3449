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
import { graphql } from '../gql';
import { currentLang } from '../i18n';
import { isSignedIn, logout, type LogoutReason } from './session';

/** The API rejected the caller's credentials: a missing, expired or revoked token. */
export function isUnauthenticated(error: ErrorLike): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === ERROR_CODES.UNAUTHENTICATED);
  }
  // A plain HTTP 401 (e.g. from a proxy in front of the API) means the same.
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * The files still travel as base64 in these two mutations: they say so before their body, and only
 * then does the API read more than 1 MB (issue 9; apps/api/src/graphql/limits.ts UPLOAD_HEADER).
 */
const UPLOAD_OPERATIONS = new Set(['UploadLoanTape', 'UploadClaimDocument']);
const uploadHeaderLink = new SetContextLink((prevContext, operation) =>
  UPLOAD_OPERATIONS.has(operation.operationName ?? '')
    ? { headers: { ...prevContext.headers, 'x-ipfund-upload': '1' } }
    : {},
);

/** Server text (error messages) in the language the user chose (issue 11; the API reads Accept-Language). */
const acceptLanguageLink = new SetContextLink((prevContext) => ({
  headers: { ...prevContext.headers, 'accept-language': currentLang() },
}));

const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

/**
 * Ends the session and drops the user's cached data, so the next user never sees it.
 * The cache is cleared first: clearing cancels in-flight requests, which must not hit the login page's.
 * A no-op without a session (a failed login also answers UNAUTHENTICATED). The API clears the httpOnly
 * session cookie (page scripts cannot); an expired one is cleared too, so it is not sent again.
 */
export async function endSession(client: ApolloClient, reason: LogoutReason): Promise<void> {
  if (!isSignedIn()) return;
  await client.mutate({ mutation: LOGOUT_MUTATION }).catch(() => undefined);
  // clearStore, unlike resetStore, does not refetch the active queries.
  await client.clearStore().catch(() => undefined);
  logout(reason);
}

const logoutOnUnauthenticated = new ErrorLink(({ error, operation }) => {
  if (isUnauthenticated(error)) void endSession(operation.client, 'expired');
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // The session cookie goes with every same-origin request; no token is kept in page scripts (issue 9).
    link: ApolloLink.from([
      logoutOnUnauthenticated,
      uploadHeaderLink,
      acceptLanguageLink,
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache(),
  });
}
