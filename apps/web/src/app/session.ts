import { useSyncExternalStore } from 'react';

/**
 * The login token, kept in localStorage so a reload keeps the user signed in.
 * A tiny external store: React reads it with useSyncExternalStore, the Apollo links read it directly.
 */

const TOKEN_KEY = 'ipfund.token';

/** Why the last logout happened; the login page explains an expired session. */
export type LogoutReason = 'user' | 'expired';

export interface Session {
  readonly token: string | null;
  readonly logoutReason: LogoutReason | null;
}

const listeners = new Set<() => void>();
let session: Session = { token: readStoredToken(), logoutReason: null };

function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage can be disabled (private mode, policy); then the session lasts for the page only.
    return null;
  }
}

function writeStoredToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_KEY);
    else window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // See readStoredToken.
  }
}

function update(next: Session): void {
  session = next;
  listeners.forEach((listener) => listener());
}

export function getToken(): string | null {
  return session.token;
}

export function login(token: string): void {
  writeStoredToken(token);
  update({ token, logoutReason: null });
}

/** Returns whether a session was actually ended, so callers clear cached data only once. */
export function logout(reason: LogoutReason): boolean {
  if (session.token === null) return false;
  writeStoredToken(null);
  update({ token: null, logoutReason: reason });
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A login or logout in another tab changes the stored token; follow it so tabs do not disagree.
window.addEventListener('storage', (event) => {
  if (event.key !== TOKEN_KEY && event.key !== null) return;
  const token = readStoredToken();
  if (token !== session.token) update({ token, logoutReason: token === null ? 'user' : null });
});

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}
